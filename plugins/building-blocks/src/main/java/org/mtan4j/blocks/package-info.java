/**
 * Network building blocks that several plugin families use (SegNet, ResNet-MTAN, WRN-MTAN, mixtures of
 * experts); a library, not a plugin: it registers no provider, and the plugins, which never depend on
 * each other, depend on it. Here: MTAN's attention layer ({@link org.mtan4j.blocks.AttentionLayer}), the reference's conv unit
 * and its chains ({@link org.mtan4j.blocks.ConvUnit}), layer factories with the reference's
 * hyper-parameters and initialisation ({@link org.mtan4j.blocks.Layers}, {@link org.mtan4j.blocks.ConvInit},
 * {@link org.mtan4j.blocks.PyTorchInit}), the convolution of a concatenation's parts without making it
 * ({@link org.mtan4j.blocks.Layers#convolveParts}), the early release of a forward pass's intermediates
 * ({@link org.mtan4j.blocks.Intermediates}), the reference's PyTorch {@code state_dict} names
 * ({@link org.mtan4j.blocks.StateDictNamed}) and the checks every backbone provider makes
 * ({@link org.mtan4j.blocks.CheckedBackboneProvider}). Sub-packages: exact pooling and resizing
 * ({@link org.mtan4j.blocks.sampling}), task heads and the NYUv2 losses ({@link org.mtan4j.blocks.head}),
 * the attention-over-a-trunk scaffolding of ResNet-MTAN and WRN-MTAN ({@link org.mtan4j.blocks.mtan}),
 * and the two shared encoders: the SegNet encoder-decoder ({@link org.mtan4j.blocks.segnet}) and the
 * dilated ResNet ({@link org.mtan4j.blocks.resnet}).
 *
 * <p>Facts (sizes, eps, momentum, init, tie rule, interpolation) are from
 * {@code shared/reference/models.md}, "Building blocks".
 */
package org.mtan4j.blocks;
