/**
 * {@code mtan predict}: images in, per-task predictions and pictures out.
 *
 * <p>Inputs ({@link org.mtan4j.runtime.predict.InputImages}): {@code .npy} arrays {@code (H, W, 3)} of
 * floats in [0, 1] (as the datasets store images), or PNG / JPEG files (read with {@code javax.imageio},
 * scaled to [0, 1]). Each task's input is the image as its dataset prepares its validation images
 * ({@link org.mtan4j.api.DatasetProvider#inputPreprocessing}); by default resized to the model's input
 * size when they differ, by bilinear interpolation with half-pixel centres (PyTorch's
 * {@code align_corners=False}, no antialiasing).
 *
 * <p>Outputs, per input {@code <stem>} (its file name without extension) and task {@code <task>}
 * ({@link org.mtan4j.runtime.predict.Predictor}):
 * <ul>
 *   <li>segmentation: {@code <stem>.<task>.npy} the class index map {@code (H, W)} (float32 indices),
 *       {@code <stem>.<task>.logprobs.npy} the log-probabilities {@code (H, W, C)}, and
 *       {@code <stem>.<task>.png} the classes in a fixed palette (PASCAL VOC's colour scheme: class 0
 *       black, then distinct colours; {@link org.mtan4j.runtime.predict.Visualisations#classColour});</li>
 *   <li>depth: {@code <stem>.<task>.npy} {@code (H, W, 1)} as NYUv2 stores depth, and a PNG with the
 *       prediction's own minimum to maximum mapped through a viridis-like colour map (near: dark purple,
 *       far: yellow);</li>
 *   <li>normal: {@code <stem>.<task>.npy} {@code (H, W, 3)} unit vectors, and a PNG with RGB = (n + 1) / 2;</li>
 *   <li>classification: {@code <stem>.<task>.npy} the class index {@code (1,)} and
 *       {@code <stem>.<task>.logprobs.npy} the head's output {@code (C,)}; no picture.</li>
 * </ul>
 * All {@code .npy} files are little-endian float32 in C order. Outputs are written to a temporary
 * folder inside the output folder and moved into place only when every input succeeded.
 *
 * <p>Benchmark submissions: {@link org.mtan4j.runtime.predict.SplitClassifier} gives a classification
 * task's class for every sample of a dataset split (the Visual Decathlon's unlabelled {@code test}
 * split), running only that task's path; the decathlon dataset writes them as the challenge's results
 * file ({@code mtan predict --decathlon-results}). {@link org.mtan4j.runtime.predict.PerTaskAdaptation} is
 * the paper's decathlon test protocol ({@code mtan decathlon-eval}): each task adapted for one epoch on its
 * training and one on its validation split before its split is predicted.
 */
package org.mtan4j.runtime.predict;
