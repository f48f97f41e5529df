/**
 * What the datasets stored as folders of numbered {@code .npy} arrays share (the paper's pre-processed
 * NYUv2 and CityScapes releases): the layout, splits and header checks, strict reading with value
 * checks ({@link org.mtan4j.datasets.arrays.ArrayFolderDataset}, one
 * {@link org.mtan4j.datasets.arrays.ArrayTask} per task) and the option checks
 * ({@link org.mtan4j.datasets.arrays.ArrayFolderOptions}). A library, not a plugin: each dataset
 * module registers its own provider.
 */
package org.mtan4j.datasets.arrays;
