/** Tests of the folder-of-arrays dataset base, and {@link org.mtan4j.datasets.arrays.NpyFixtures}, the datasets' test writer of {@code .npy} files. */
package org.mtan4j.datasets.arrays;
