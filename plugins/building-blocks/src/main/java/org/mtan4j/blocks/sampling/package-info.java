/**
 * Exact resampling that DJL lacks: the 2x2 max-pool with indices and the matching max-unpool
 * ({@link org.mtan4j.blocks.sampling.MaxPool2x2}), and bilinear resizing with {@code align_corners=True}
 * ({@link org.mtan4j.blocks.sampling.AlignCornersBilinear}) whose per-axis weights
 * ({@link org.mtan4j.blocks.sampling.AlignCornersWeights}) are plain Java, shared with the NYUv2
 * augmentation.
 */
package org.mtan4j.blocks.sampling;
