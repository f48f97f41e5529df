/**
 * The shared encoders the mixture-of-experts architectures copy, cut into stages
 * ({@link org.mtan4j.plugins.moe.encoder.StagedEncoder}): the paper's SegNet encoder-decoder
 * ({@link org.mtan4j.plugins.moe.encoder.SegNetEncoder}, ten stages, for the {@code segnet-*} heads)
 * and the dilated ResNet ({@link org.mtan4j.plugins.moe.encoder.ResNetEncoder}, five stages, for the
 * {@code deeplab} heads), both built from the building blocks.
 */
package org.mtan4j.plugins.moe.encoder;
