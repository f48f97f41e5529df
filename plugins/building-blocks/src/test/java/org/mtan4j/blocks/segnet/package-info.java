/** Tests of the SegNet encoder-decoder and its conv-unit stacks. */
package org.mtan4j.blocks.segnet;
