package org.mtan4j.datasets.nyuv2;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.arrays.ArrayTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider of the {@code nyuv2} dataset: the paper's pre-processed NYUv2 release (795 training and
 * 654 validation images at 288x384) with tasks {@code semantic} (13 classes, -1 ignored),
 * {@code depth} and {@code normal}. See {@link NyuV2Options}.
 */
public final class NyuV2DatasetProvider extends AbstractPluginProvider<NyuV2Options>
        implements DatasetProvider<NyuV2Options> {

    private static final Logger LOG = LoggerFactory.getLogger(NyuV2DatasetProvider.class);

    /** The provider's name, the YAML key. */
    public static final String NAME = "nyuv2";

    /** Creates the provider; stateless and cheap. */
    public NyuV2DatasetProvider() {
        super(NAME,
                "The paper's pre-processed NYUv2 (.npy files): 13-class semantics, depth and normals, optional augmentation.",
                NyuV2Options.class, NyuV2Options.DEFAULTS);
    }

    /**
     * Opens the dataset, checking the layout: both split folders, every task's folder, numbered
     * arrays 0..N-1 with the same N in each. The arrays themselves are checked as they are read.
     */
    @Override
    public MultiTaskDataset open(NyuV2Options options) throws IOException {
        Objects.requireNonNull(options, "options is null");
        NyuV2Dataset dataset = new NyuV2Dataset(options);
        LOG.debug("nyuv2 at {}: {} train, {} val, {}x{}, tasks {}, augment {}", options.root(), dataset.size("train"),
                dataset.size("val"), options.height(), options.width(), options.tasks(), options.augment());
        return dataset;
    }

    /** The selected tasks and {@code (3, height, width)}, from the options alone. */
    @Override
    public Optional<DatasetDescription> describe(NyuV2Options options) {
        List<TaskSpec> tasks = NyuV2Dataset.arrays(options.tasks()).stream().map(ArrayTask::spec).toList();
        return Optional.of(new DatasetDescription(tasks, new Shape(3, options.height(), options.width())));
    }
}
