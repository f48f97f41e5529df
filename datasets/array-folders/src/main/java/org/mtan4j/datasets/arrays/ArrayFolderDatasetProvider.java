package org.mtan4j.datasets.arrays;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider of a folder-of-arrays dataset: opens it (the layout is checked then, the values as
 * samples are read) and describes its tasks and image shape from the options alone.
 *
 * @param <O> the dataset's options
 */
public abstract class ArrayFolderDatasetProvider<O extends ArrayFolderOptions> extends AbstractPluginProvider<O>
        implements DatasetProvider<O> {

    private static final Logger LOG = LoggerFactory.getLogger(ArrayFolderDatasetProvider.class);

    /** Opens a dataset, checking its layout. */
    @FunctionalInterface
    protected interface Opener<O> {
        /** The opened dataset. */
        ArrayFolderDataset open(O options) throws IOException;
    }

    private final Function<O, List<ArrayTask>> arrays;
    private final Opener<O> opener;

    /**
     * A provider.
     *
     * @param arrays the tasks an options record selects, with their folders, in target order
     * @param opener opens the dataset
     * @see AbstractPluginProvider
     */
    protected ArrayFolderDatasetProvider(String name, String description, Class<O> optionsType, O defaultOptions,
            Function<O, List<ArrayTask>> arrays, Opener<O> opener) {
        super(name, description, optionsType, defaultOptions);
        this.arrays = Objects.requireNonNull(arrays, "arrays is null");
        this.opener = Objects.requireNonNull(opener, "opener is null");
    }

    /**
     * Opens the dataset, checking the layout: both split folders, every selected task's folder,
     * numbered arrays {@code 0..N-1} with the same N in each.
     */
    @Override
    public final MultiTaskDataset open(O options) throws IOException {
        Objects.requireNonNull(options, "options is null");
        ArrayFolderDataset dataset = opener.open(options);
        LOG.debug("{}: {} train, {} val samples; {}", name(), dataset.size(MultiTaskDataset.TRAIN),
                dataset.size(MultiTaskDataset.VAL), options);
        return dataset;
    }

    /** The selected tasks and {@code (3, height, width)}, from the options alone. */
    @Override
    public final Optional<DatasetDescription> describe(O options) {
        return Optional.of(new DatasetDescription(arrays.apply(options).stream().map(ArrayTask::spec).toList(),
                new Shape(3, options.height(), options.width())));
    }
}
