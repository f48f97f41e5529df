package org.mtan4j.datasets.decathlon;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.InputPreprocessing;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.images.ImageFolders;

/**
 * Provider of the {@code decathlon} dataset: one Visual Decathlon domain (option {@code domain}) as
 * a single classification task named after it. See {@link DecathlonOptions} and the package
 * documentation for how the ten domains make one multi-task problem.
 */
public final class DecathlonDatasetProvider extends AbstractPluginProvider<DecathlonOptions>
        implements DatasetProvider<DecathlonOptions> {

    /** The provider's name, the YAML key. */
    public static final String NAME = "decathlon";

    /** Creates the provider; stateless and cheap. */
    public DecathlonDatasetProvider() {
        super(NAME,
                "One Visual Decathlon domain (JPEG/PNG class folders) as a classification task, with the reference transforms.",
                DecathlonOptions.class, DecathlonOptions.DEFAULTS);
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

    /**
     * The test split's transform, applied to a user's image: short side resized, centre crop, the
     * domain's mean and std ({@link DecathlonDataset#evaluationInput}, the code the splits use). Opens the
     * domain, since its statistics may be computed from its training images and its class folders must
     * be valid.
     */
    @Override
    public InputPreprocessing inputPreprocessing(DecathlonOptions options) throws IOException {
        DecathlonDataset dataset = new DecathlonDataset(options);
        return (image, imageShape) -> dataset.evaluationInput(image);
    }

    /**
     * The domain's task and {@code (3, size, size)} images without reading images ({@code mtan validate
     * --no-data}): the class count is the number of class folders in {@code <root>/<domain>/train} when
     * that folder exists (as {@link #open} counts them), else the published count (models.md).
     */
    @Override
    public Optional<DatasetDescription> describe(DecathlonOptions options) {
        int published = DecathlonOptions.PUBLISHED_CLASSES.get(DecathlonOptions.DOMAINS.indexOf(options.domain()));
        int classes = ImageFolders.declaredClasses(Path.of(options.root()).resolve(options.domain()).resolve(MultiTaskDataset.TRAIN),
                published);
        return Optional.of(new DatasetDescription(List.of(TaskSpec.classification(options.domain(), classes)),
                new Shape(3, options.size(), options.size())));
    }
}
