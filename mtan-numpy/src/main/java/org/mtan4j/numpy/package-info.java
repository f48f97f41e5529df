/**
 * Strict readers and writers for numpy's {@code .npy} and {@code .npz} files, in pure Java.
 *
 * <p>The paper's pre-processed NYUv2 and CityScapes releases are folders of {@code .npy} files, and
 * PyTorch weights can be exported as {@code .npz}. DJL's own decoder reads big-endian data silently
 * wrong, so these readers check everything a header declares against what the caller expects and
 * fail with an {@link java.io.IOException} naming the file and the problem rather than return a
 * wrong array. See {@link org.mtan4j.numpy.Npy} for the exact rules. {@link org.mtan4j.numpy.RegularFiles}
 * refuses a folder, FIFO or broken link where a file belongs before anything is opened.
 *
 * <p>Module {@code mtan-numpy}: plain Java, no dependencies; the datasets, the runtime (weights import and
 * export, {@code predict}) and the CLI use it. It is not part of the plugin API ({@code mtan-api}).
 */
package org.mtan4j.numpy;
