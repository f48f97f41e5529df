package org.mtan4j.api;

import java.io.IOException;

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
}
