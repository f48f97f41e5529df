package org.mtan4j.datasets.office;

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
 * What the {@code office-31} and {@code office-home} providers share: one domain (option {@code domain})
 * as a single classification task named after it.
 *
 * @param <O> the benchmark's options record
 */
public abstract class OfficeDatasetProvider<O extends OfficeOptions> extends AbstractPluginProvider<O>
        implements DatasetProvider<O> {

    /**
     * A provider of one benchmark.
     *
     * @param benchmark which one; its name is the YAML name
     * @param title the benchmark's name in prose, for the description
     */
    protected OfficeDatasetProvider(OfficeBenchmark benchmark, String title, Class<O> optionsType, O defaults) {
        super(benchmark.datasetName(), "One " + title + " domain (JPEG class folders) as a " + benchmark.classes()
                + "-class classification task; published split lists or a seeded 60/20/20 split, 224x224, ImageNet normalisation.",
                optionsType, defaults);
    }

    /**
     * Opens one domain: reads its split lists (or makes the seeded split) and lists its images; images
     * are read as samples are asked for, and {@link MultiTaskDataset#checkFiles} checks every entry.
     */
    @Override
    public MultiTaskDataset open(O options) throws IOException {
        Objects.requireNonNull(options, "options is null");
        return new OfficeDataset(options);
    }

    /**
     * The validation and test splits' transform, applied to a user's image ({@link OfficeDataset#evaluationInput}):
     * resized to {@code size x size}, ImageNet's mean and std. Needs no data.
     */
    @Override
    public InputPreprocessing inputPreprocessing(O options) {
        return (image, imageShape) -> OfficeDataset.evaluationInput(image, options.size());
    }

    /**
     * The domain's task and {@code (3, size, size)} images without reading images ({@code mtan validate
     * --no-data}): with split lists the published class count (31 or 65), which the lists' labels must
     * respect; without them the number of class folders when there are at least two (as {@link #open}
     * counts them), else the published count.
     */
    @Override
    public Optional<DatasetDescription> describe(O options) {
        OfficeBenchmark benchmark = options.benchmark();
        int classes = options.splitListsFolder().isPresent() ? benchmark.classes()
                : ImageFolders.declaredClasses(benchmark.classFolders(Path.of(options.root()), options.domain()), benchmark.classes());
        return Optional.of(new DatasetDescription(List.of(TaskSpec.classification(options.domain(), classes)),
                new Shape(3, options.size(), options.size())));
    }
}
