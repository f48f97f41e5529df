package org.mtan4j.datasets.synthetic.shapes;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;

/** Provider of the {@code synthetic-shapes} dataset: one classification domain of coloured shapes. */
public final class SyntheticShapesProvider extends AbstractPluginProvider<SyntheticShapesOptions>
        implements DatasetProvider<SyntheticShapesOptions> {

    /** The provider's name, the YAML key. */
    public static final String NAME = "synthetic-shapes";

    /** Creates the provider; stateless and cheap. */
    public SyntheticShapesProvider() {
        super(NAME,
                "One small classification domain of coloured shapes (kind colour, shape or position), for many-to-many runs without data.",
                SyntheticShapesOptions.class, SyntheticShapesOptions.DEFAULTS);
    }

    /** The domain's one task, named after its kind, and {@code (3, size, size)} images. */
    static DatasetDescription description(SyntheticShapesOptions options) {
        return new DatasetDescription(List.of(TaskSpec.classification(options.kind(), options.classes())),
                new Shape(3, options.size(), options.size()));
    }

    @Override
    public Optional<DatasetDescription> describe(SyntheticShapesOptions options) {
        return Optional.of(description(options));
    }

    @Override
    public MultiTaskDataset open(SyntheticShapesOptions options) {
        Objects.requireNonNull(options, "options is null");
        return new SyntheticShapesDataset(options);
    }
}
