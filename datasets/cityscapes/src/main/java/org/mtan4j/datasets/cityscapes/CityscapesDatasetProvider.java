package org.mtan4j.datasets.cityscapes;

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
 * Provider of the {@code cityscapes} dataset: the paper's pre-processed CityScapes release at
 * 128x256 (or 256x512) with tasks {@code semantic} (2, 7 or 19 classes, -1 ignored) and
 * {@code depth} (inverse depth, 0 unknown). See {@link CityscapesOptions}.
 */
public final class CityscapesDatasetProvider extends AbstractPluginProvider<CityscapesOptions>
        implements DatasetProvider<CityscapesOptions> {

    private static final Logger LOG = LoggerFactory.getLogger(CityscapesDatasetProvider.class);

    /** The provider's name, the YAML key. */
    public static final String NAME = "cityscapes";

    /** Creates the provider; stateless and cheap. */
    public CityscapesDatasetProvider() {
        super(NAME, "The paper's pre-processed CityScapes (.npy files): 2/7/19-class semantics and inverse depth.",
                CityscapesOptions.class, CityscapesOptions.DEFAULTS);
    }

    /** Opens the dataset, checking both split folders and every selected task's numbered arrays. */
    @Override
    public MultiTaskDataset open(CityscapesOptions options) throws IOException {
        Objects.requireNonNull(options, "options is null");
        CityscapesDataset dataset = new CityscapesDataset(options);
        LOG.debug("cityscapes at {}: {} train, {} val, {}x{}, {} classes, tasks {}", options.root(), dataset.size("train"),
                dataset.size("val"), options.height(), options.width(), options.classes(), options.tasks());
        return dataset;
    }

    /** The selected tasks and {@code (3, height, width)}, from the options alone. */
    @Override
    public Optional<DatasetDescription> describe(CityscapesOptions options) {
        List<TaskSpec> tasks = CityscapesDataset.arrays(options).stream().map(ArrayTask::spec).toList();
        return Optional.of(new DatasetDescription(tasks, new Shape(3, options.height(), options.width())));
    }
}
