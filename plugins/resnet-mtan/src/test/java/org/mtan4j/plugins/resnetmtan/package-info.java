/** Tests of ResNet-MTAN: contracts, reference names and counts, forward pass, bilinear resize. */
package org.mtan4j.plugins.resnetmtan;
