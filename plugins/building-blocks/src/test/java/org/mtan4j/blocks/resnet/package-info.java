/** Tests of the dilated ResNet trunk. */
package org.mtan4j.blocks.resnet;
