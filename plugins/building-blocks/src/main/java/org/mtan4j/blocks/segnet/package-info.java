/**
 * The paper's SegNet encoder-decoder ({@link org.mtan4j.blocks.segnet.SegNetTrunk}), its stacks of conv
 * units ({@link org.mtan4j.blocks.segnet.ConvStack}) and the record of one pass's intermediate maps
 * ({@link org.mtan4j.blocks.segnet.SegNetTrace}): the shared network of the SegNet plugin's models and
 * the SegNet encoder of the mixture-of-experts plugin. Architecture and numbers:
 * {@code shared/reference/models.md}, "SegNet backbone".
 */
package org.mtan4j.blocks.segnet;
