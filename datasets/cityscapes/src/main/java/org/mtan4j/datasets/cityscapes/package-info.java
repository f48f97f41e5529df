/**
 * The {@code cityscapes} dataset: the paper's pre-processed CityScapes release (128x256 or 256x512)
 * read from its {@code .npy} files with {@link org.mtan4j.numpy.Npy}'s strict reader; the options
 * choose the class set (2, 7 or 19) and the tasks.
 *
 * <p>Entry points: {@link org.mtan4j.datasets.cityscapes.CityscapesDatasetProvider} and
 * {@link org.mtan4j.datasets.cityscapes.CityscapesOptions}.
 */
package org.mtan4j.datasets.cityscapes;
