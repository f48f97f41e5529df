package org.mtan4j.api;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;

/**
 * How a dataset turns an image into its tasks' model input at evaluation, for {@code mtan predict
 * --input}: what it does to its own validation images, so that a user's image reaches each head in the
 * form that head was trained and evaluated on. Supplied by {@link DatasetProvider#inputPreprocessing}.
 */
@FunctionalInterface
public interface InputPreprocessing {

    /**
     * The default: the image resized bilinearly to the model's size ({@link InputImage#resizedChw}),
     * values as read, RGB in [0, 1], which is how the dense datasets (NYUv2, CityScapes, synthetic) store
     * their images: they neither crop nor normalise at evaluation.
     */
    InputPreprocessing RESIZE = (image, imageShape) -> image.resizedChw(Math.toIntExact(imageShape.get(1)),
            Math.toIntExact(imageShape.get(2)));

    /**
     * The model input for {@code image}.
     *
     * @param image the image as read from its file
     * @param imageShape the model's input shape {@code (C, H, W)}
     * @return {@code C * H * W} values, channel-major
     * @throws IOException naming {@code image.file()} when the dataset cannot use it
     */
    float[] modelInput(InputImage image, Shape imageShape) throws IOException;
}
