/**
 * Strict readers and writers for numpy's {@code .npy} and {@code .npz} files, in pure Java.
 *
 * <p>The paper's pre-processed NYUv2 and CityScapes releases are folders of {@code .npy} files, and
 * PyTorch weights can be exported as {@code .npz}. DJL's own decoder reads big-endian data silently
 * wrong, so these readers check everything a header declares against what the caller expects and
 * fail with an {@link java.io.IOException} naming the file and the problem rather than return a
 * wrong array. See {@link org.mtan4j.api.io.Npy} for the exact rules.
 */
package org.mtan4j.api.io;
