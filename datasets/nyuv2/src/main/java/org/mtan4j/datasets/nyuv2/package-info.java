/**
 * The {@code nyuv2} dataset: the paper's pre-processed NYUv2 release read from its {@code .npy}
 * files with {@link org.mtan4j.numpy.Npy}'s strict reader, with the reference code's optional
 * augmentation (random scale 1.0/1.2/1.5, crop, resize back, depth divided by the scale, horizontal
 * flip negating the normals' x).
 *
 * <p>Entry points: {@link org.mtan4j.datasets.nyuv2.NyuV2DatasetProvider} (found by
 * {@link java.util.ServiceLoader}) and {@link org.mtan4j.datasets.nyuv2.NyuV2Options}.
 */
package org.mtan4j.datasets.nyuv2;
