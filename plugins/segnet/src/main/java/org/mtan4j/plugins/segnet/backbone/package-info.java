/**
 * The SegNet networks of the paper, built from {@link org.mtan4j.blocks} on the encoder-decoder trunk
 * of the building blocks ({@link org.mtan4j.blocks.segnet.SegNetTrunk}, whose intermediate maps
 * {@link org.mtan4j.blocks.segnet.SegNetTrace} holds); the backbones on it: split and single ({@link org.mtan4j.plugins.segnet.backbone.SplitBackbone}), MTAN
 * and STAN ({@link org.mtan4j.plugins.segnet.backbone.MtanBackbone}), dense
 * ({@link org.mtan4j.plugins.segnet.backbone.DenseBackbone}) and cross-stitch
 * ({@link org.mtan4j.plugins.segnet.backbone.CrossStitchBackbone}).
 *
 * <p>Every backbone is a {@link org.mtan4j.plugins.segnet.backbone.SegNetBackbone}: besides the
 * {@link org.mtan4j.api.Backbone} contract it lists its parameters under the reference's PyTorch
 * {@code state_dict} names and gives each task's head prefix, for weight import and export.
 *
 * <p>Architecture and numbers: {@code shared/reference/models.md}, "SegNet backbone" and "Variants".
 */
package org.mtan4j.plugins.segnet.backbone;
