package org.mtan4j.datasets.decathlon;

import java.io.IOException;
import java.util.Objects;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;

/**
 * Provider of the {@code decathlon} dataset: one Visual Decathlon domain (option {@code domain}) as
 * a single classification task named after it. See {@link DecathlonOptions} and the package
 * documentation for how the ten domains make one multi-task problem.
 */
public final class DecathlonDatasetProvider implements DatasetProvider<DecathlonOptions> {

    /** The provider's name, the YAML key. */
    public static final String NAME = "decathlon";

    /** Creates the provider; stateless and cheap. */
    public DecathlonDatasetProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "One Visual Decathlon domain (JPEG/PNG class folders) as a classification task, with the reference transforms.";
    }

    @Override
    public Class<DecathlonOptions> optionsType() {
        return DecathlonOptions.class;
    }

    @Override
    public DecathlonOptions defaultOptions() {
        return DecathlonOptions.DEFAULTS;
    }

    /**
     * Opens one domain: checks the train and val class folders agree, lists the images, and reads
     * (or computes) the domain's mean and std.
     */
    @Override
    public MultiTaskDataset open(DecathlonOptions options) throws IOException {
        Objects.requireNonNull(options, "options is null");
        return new DecathlonDataset(options);
    }
}
