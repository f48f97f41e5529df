package org.mtan4j.datasets.synthetic;

import java.util.Objects;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider of the {@code synthetic} dataset: procedurally rendered indoor scenes with NYUv2's three
 * tasks ({@code semantic} with 13 classes, {@code depth}, {@code normal}). It needs no files, so it
 * is the default dataset and the one tests and demos run on.
 */
public final class SyntheticDatasetProvider extends AbstractPluginProvider<SyntheticOptions>
        implements DatasetProvider<SyntheticOptions> {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticDatasetProvider.class);

    /** The provider's name, the YAML key. */
    public static final String NAME = "synthetic";

    /** Creates the provider; stateless and cheap, as discovery requires. */
    public SyntheticDatasetProvider() {
        super(NAME,
                "Procedurally rendered indoor scenes with NYUv2's 13-class semantics, depth and normals; needs no files.",
                SyntheticOptions.class, SyntheticOptions.DEFAULTS);
    }

    @Override
    public MultiTaskDataset open(SyntheticOptions options) {
        Objects.requireNonNull(options, "options is null");
        LOG.debug("synthetic dataset: {}x{} images, {} train and {} val scenes, scene seed {}, augment {}", options.height(),
                options.width(), options.trainSize(), options.valSize(), options.sceneSeed(), options.augment());
        return new SyntheticDataset(options);
    }
}
