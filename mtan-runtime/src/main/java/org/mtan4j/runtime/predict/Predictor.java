package org.mtan4j.runtime.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.InputImage;
import org.mtan4j.api.InputPreprocessing;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.io.Npy;
import org.mtan4j.api.io.RegularFiles;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.ResolvedRun.Chosen;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.training.MultiTaskNetwork;
import org.mtan4j.runtime.weights.RunModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model on image files and writes each task's prediction and picture; the files and their
 * formats are listed in the package comment. Each task's input is the image as its own dataset
 * preprocesses its validation images ({@link org.mtan4j.api.DatasetProvider#inputPreprocessing}). Either
 * every output is written or none: they go to a temporary folder beside the output folder first and are
 * moved in at the end.
 */
public final class Predictor {

    private static final Logger LOG = LoggerFactory.getLogger(Predictor.class);

    private Predictor() {
    }

    /**
     * Predicts every input, one at a time, with {@code model} (its weights already loaded).
     *
     * @param inputs {@code .npy}, {@code .png}, {@code .jpg} or {@code .jpeg} files with distinct stems
     * @param outDir the output folder, created if absent; files of the same names are replaced
     * @return the files written, in input then task order
     * @throws PredictionException naming the file when an input cannot be used (nothing is written)
     */
    public static List<Path> predict(RunModel model, List<Path> inputs, Path outDir) throws IOException {
        if (inputs.isEmpty()) {
            throw new PredictionException("no input given");
        }
        Map<String, Path> stems = new HashMap<>();
        for (Path input : inputs) {
            if (RegularFiles.problem(input) != null) {
                throw new PredictionException(input + ": " + RegularFiles.problem(input));
            }
            if (!InputImages.accepted(input)) {
                throw new PredictionException(input + ": not an accepted input; expected .npy, .png, .jpg or .jpeg");
            }
            Path other = stems.put(InputImages.stem(input), input);
            if (other != null) {
                throw new PredictionException(input + ": same name as " + other + "; their outputs would collide");
            }
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new PredictionException(outDir + ": exists and is not a folder");
        }
        long[] image = model.run().imageShape();
        if (image[0] != 3) {
            throw new PredictionException("the model takes " + image[0] + "-channel images; predict reads RGB images only");
        }
        List<InputPreprocessing> preprocessing = inputPreprocessing(model.run());
        Path absolute = outDir.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".tmp-");
        try {
            List<String> names = new ArrayList<>();
            for (Path input : inputs) {
                InputImage read = InputImages.read(input);
                try (NDManager manager = model.manager().newSubManager()) {
                    NDList predictions = predictTasks(model, preprocessing, read, manager);
                    for (int t = 0; t < model.heads().size(); t++) {
                        names.addAll(write(temp, InputImages.stem(input), model.heads().get(t).task(), predictions.get(t).get(0)));
                    }
                }
                LOG.info("predicted {}", input);
            }
            List<Path> written = moveInto(temp, absolute, names);
            return written.stream().map(p -> outDir.resolve(p.getFileName())).toList();
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * Each dataset's evaluation preprocessing ({@link org.mtan4j.api.DatasetProvider#inputPreprocessing}),
     * in the order of the run's datasets.
     *
     * @throws PredictionException naming the dataset when its data, needed for it, cannot be read
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<InputPreprocessing> inputPreprocessing(ResolvedRun run) {
        List<InputPreprocessing> out = new ArrayList<>();
        for (int d = 0; d < run.datasets().size(); d++) {
            Chosen<DatasetProvider> dataset = run.datasets().get(d);
            try {
                out.add(dataset.provider().inputPreprocessing(dataset.options()));
            } catch (IOException e) {
                throw new PredictionException(RunResolver.datasetPath(d, run.manyToMany()) + " ('" + dataset.provider().name()
                        + "'): its evaluation preprocessing needs its data: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * One prediction per task for one image (a batch of one): each task gets the input its own
     * dataset's preprocessing makes. With one dataset the whole network runs once; with several
     * (many-to-many) each task runs its own path ({@link MultiTaskNetwork#forwardTask}) on its input.
     */
    private static NDList predictTasks(RunModel model, List<InputPreprocessing> preprocessing, InputImage image, NDManager manager)
            throws IOException {
        ResolvedRun run = model.run();
        Shape shape = new Shape(run.imageShape());
        NDList inputs = new NDList(preprocessing.size());
        for (InputPreprocessing p : preprocessing) {
            float[] chw = p.modelInput(image, shape);
            if (chw.length != shape.size()) {
                throw new IllegalStateException("the evaluation preprocessing gave " + chw.length + " values for " + image.file()
                        + ", the model takes " + shape);
            }
            inputs.add(manager.create(chw, new Shape(1).addAll(shape)));
        }
        if (!run.manyToMany()) {
            return model.predict(inputs.get(0));
        }
        ParameterStore store = new ParameterStore(manager, false);
        NDList predictions = new NDList(run.tasks().size());
        for (int t = 0; t < run.tasks().size(); t++) {
            predictions.add(model.network().forwardTask(store, inputs.get(run.taskSources().get(t).dataset()), false, t));
        }
        return predictions;
    }

    /** Writes one task's files for one input into {@code dir}; returns their names. */
    private static List<String> write(Path dir, String stem, TaskSpec task, NDArray prediction) throws IOException {
        String base = stem + "." + task.name();
        List<String> names = new ArrayList<>();
        switch (task.kind()) {
            case SEGMENTATION -> {
                int h = (int) prediction.getShape().get(1);
                int w = (int) prediction.getShape().get(2);
                float[] classes = prediction.argMax(0).toType(DataType.FLOAT32, false).toFloatArray();
                NDArray logProbs = prediction.transpose(1, 2, 0);
                names.add(npy(dir, base + ".npy", classes, h, w));
                names.add(npy(dir, base + ".logprobs.npy", logProbs.toFloatArray(), shape(logProbs)));
                names.add(png(dir, base + ".png", Visualisations.classes(classes, h, w)));
            }
            case DEPTH -> {
                NDArray hwc = prediction.transpose(1, 2, 0);
                float[] values = hwc.toFloatArray();
                int h = (int) hwc.getShape().get(0);
                int w = (int) hwc.getShape().get(1);
                names.add(npy(dir, base + ".npy", values, shape(hwc)));
                names.add(png(dir, base + ".png", Visualisations.depth(values, h, w)));
            }
            case NORMAL -> {
                NDArray hwc = prediction.transpose(1, 2, 0);
                float[] values = hwc.toFloatArray();
                names.add(npy(dir, base + ".npy", values, shape(hwc)));
                names.add(png(dir, base + ".png", Visualisations.normals(values, (int) hwc.getShape().get(0), (int) hwc.getShape().get(1))));
            }
            case CLASSIFICATION -> {
                float[] index = {prediction.argMax().toType(DataType.FLOAT32, false).getFloat()};
                names.add(npy(dir, base + ".npy", index, 1));
                names.add(npy(dir, base + ".logprobs.npy", prediction.toFloatArray(), shape(prediction)));
            }
            default -> throw new IllegalStateException("unknown task kind " + task.kind());
        }
        return names;
    }

    private static int[] shape(NDArray array) {
        return java.util.Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
    }

    private static String npy(Path dir, String name, float[] values, int... shape) throws IOException {
        Files.write(dir.resolve(name), Npy.encode(values, shape));
        return name;
    }

    private static String png(Path dir, String name, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", dir.resolve(name).toFile())) {
            throw new IOException("no PNG writer available");
        }
        return name;
    }

    /** Moves {@code names} from {@code temp} into {@code outDir}, replacing files of the same names. */
    private static List<Path> moveInto(Path temp, Path outDir, List<String> names) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (String name : names) {
            Path target = outDir.resolve(name);
            try {
                Files.move(temp.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        }
        return written;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Never hide the outcome (or the original failure) behind a clean-up problem.
            LOG.warn("cannot remove the temporary folder {}: {}", root, e.getMessage());
        }
    }
}
