package org.mtan4j.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Opens a {@link MultiTaskDataset}.
 *
 * @param <O> the options record (data root, size, augmentation switches ...)
 */
public interface DatasetProvider<O> extends PluginProvider<O> {

    /**
     * Opens the dataset, checking what can be checked cheaply (the root exists, the layout is right).
     *
     * @throws IOException when the data cannot be read; the message names the file or folder
     */
    MultiTaskDataset open(O options) throws IOException;

    /**
     * The tasks and image shape {@link #open} would give for {@code options}, without touching the data,
     * so that a configuration can be validated before the data is downloaded. Must agree with
     * {@link #open} whenever that succeeds. The default declares nothing: such a dataset is only
     * validated by opening it.
     */
    default Optional<DatasetDescription> describe(O options) {
        return Optional.empty();
    }

    /**
     * How {@code mtan predict --input} prepares an image for this dataset's tasks: the evaluation
     * preprocessing of its validation split. The default, {@link InputPreprocessing#RESIZE}, reads no
     * data; a dataset that crops or normalises (the Visual Decathlon: short side resized, centre crop, the
     * domain's mean and std) overrides it, and may read its data to do so (statistics, class folders).
     *
     * @throws IOException when the data it needs cannot be read; the message names the file or folder
     */
    default InputPreprocessing inputPreprocessing(O options) throws IOException {
        return InputPreprocessing.RESIZE;
    }
}
