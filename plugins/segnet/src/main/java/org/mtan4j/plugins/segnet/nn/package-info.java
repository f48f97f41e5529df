/**
 * Reusable SegNet building blocks, shared by every SegNet-based model of the paper (single, STAN,
 * split, dense, cross-stitch, MTAN): the conv unit and conv-BN-ReLU chains
 * ({@link org.mtan4j.plugins.segnet.nn.ConvUnit}) and stacks of units
 * ({@link org.mtan4j.plugins.segnet.nn.ConvStack}), MTAN's attention layer
 * ({@link org.mtan4j.plugins.segnet.nn.AttentionLayer}), the exact 2x2 max-pool with indices and the
 * matching max-unpool ({@link org.mtan4j.blocks.sampling.MaxPool2x2}), exact bilinear resizing with
 * {@code align_corners=True} ({@link org.mtan4j.blocks.sampling.AlignCornersBilinear}), the early
 * release of a forward pass's intermediates ({@link org.mtan4j.blocks.Intermediates}), the paper's
 * initialisation ({@link org.mtan4j.plugins.segnet.nn.Layers}) and the mapping of parameters to the
 * reference's PyTorch {@code state_dict} names ({@link org.mtan4j.plugins.segnet.nn.StateDictNamed}).
 *
 * <p>Facts (sizes, eps, momentum, init, tie rule, interpolation) are from
 * {@code shared/reference/models.md}, "Building blocks".
 */
package org.mtan4j.plugins.segnet.nn;
