package org.mtan4j.runtime.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times a run's model ({@code mtan bench}): training steps exactly as {@link MultiTaskTrainer} runs them
 * (forward, head losses, weighting, backward, PyTorch-rule Adam; the same method is called) and
 * inference passes, each on a fresh batch manager closed after the step. Inputs are random batches of
 * the run's image shape (the caller may change it, see {@link #withImageSize}) or, on request, the
 * dataset's training batches. Batch preparation is not timed.
 */
public final class StepBench {

    private static final Logger LOG = LoggerFactory.getLogger(StepBench.class);

    private StepBench() {
    }

    /**
     * What to measure.
     *
     * @param batchSize samples per step
     * @param warmup untimed steps first (JIT, PyTorch's allocator and kernel selection)
     * @param steps timed steps
     * @param train whether to time training steps
     * @param inference whether to time inference passes
     * @param realData read the dataset's training batches instead of random inputs
     */
    public record Options(int batchSize, int warmup, int steps, boolean train, boolean inference, boolean realData) {
        /** Checks the counts. */
        public Options {
            if (batchSize < 1 || warmup < 0 || steps < 1) {
                throw new IllegalArgumentException("batch size and steps must be positive and warm-up >= 0, got batch "
                        + batchSize + ", warm-up " + warmup + ", steps " + steps);
            }
        }
    }

    /**
     * The timed steps of one kind, in seconds, in the order they ran.
     *
     * @param seconds each timed step
     */
    public record Timings(double[] seconds) {
        /** The median. */
        public double median() {
            return quantile(0.5);
        }

        /** The fastest step. */
        public double min() {
            return sorted()[0];
        }

        /** The slowest step. */
        public double max() {
            double[] s = sorted();
            return s[s.length - 1];
        }

        /** The {@code q} quantile, linearly interpolated between order statistics. */
        public double quantile(double q) {
            double[] s = sorted();
            double position = q * (s.length - 1);
            int low = (int) Math.floor(position);
            int high = Math.min(low + 1, s.length - 1);
            return s[low] + (s[high] - s[low]) * (position - low);
        }

        private double[] sorted() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return s;
        }
    }

    /**
     * The measurements.
     *
     * @param parameters trainable parameters of the whole model (backbone, heads, weighting)
     * @param imageShape one input's {@code (C, H, W)}
     * @param initSeconds building and initialising the model
     * @param train training-step timings, or null when not measured
     * @param inference inference-pass timings, or null when not measured
     */
    public record Result(long parameters, long[] imageShape, double initSeconds, Timings train, Timings inference) {
    }

    /**
     * {@code run} with another input size, for measuring a model at a size its dataset does not have
     * (random inputs only): the backbone is built for {@code (C, height, width)}.
     */
    public static ResolvedRun withImageSize(ResolvedRun run, long height, long width) {
        return run.withImageShape(new long[] {run.imageShape()[0], height, width});
    }

    /**
     * Builds {@code run}'s model on {@code device} and times it. The engine must be started (and its
     * thread count set) by the caller, so that its start-up is not part of the figures.
     */
    public static Result measure(ResolvedRun run, Device device, Options options) {
        return withModel(run, device, options, setup -> {
            Timings train = options.train() ? time(options, setup.inputs(), setup.train()) : null;
            Timings inference = options.inference() ? time(options, setup.inputs(), setup.inference()) : null;
            return new Result(setup.parameters(), run.imageShape().clone(), setup.initSeconds(), train, inference);
        });
    }

    /**
     * The process's resident set after training steps (a leak check, {@code mtan bench --memory-steps}).
     *
     * @param steps the training steps run, in order
     * @param residentBytes {@code VmRSS} after each of those steps
     */
    public record MemoryResult(long[] steps, long[] residentBytes) {
        /** The last sample relative to the first, minus one (0.05: 5% more). */
        public double growth() {
            return (double) residentBytes[residentBytes.length - 1] / residentBytes[0] - 1;
        }
    }

    /**
     * Runs {@code steps} training steps of {@code run}'s model (as {@link #measure}; only the batch size
     * and the input source of {@code options} count) and samples the resident set after every
     * {@code every}-th step. Nothing is timed.
     *
     * @throws IllegalArgumentException if {@code every} is not in {@code [1, steps]}
     * @throws IllegalStateException where {@code /proc/self/status} cannot be read (not Linux)
     */
    public static MemoryResult memory(ResolvedRun run, Device device, Options options, long steps, long every) {
        if (every < 1 || every > steps) {
            throw new IllegalArgumentException("the sampling interval must be in [1, " + steps + "], got " + every);
        }
        return withModel(run, device, options, setup -> {
            int samples = Math.toIntExact(steps / every);
            long[] at = new long[samples];
            long[] rss = new long[samples];
            int next = 0;
            for (long step = 1; step <= steps; step++) {
                try (Batch batch = setup.inputs().next()) {
                    setup.train().run(batch);
                }
                if (step % every == 0) {
                    at[next] = step;
                    rss[next++] = procStatusBytes("VmRSS");
                    LOG.info("resident set after {} training steps: {} MB", step, rss[next - 1] >> 20);
                }
            }
            return new MemoryResult(at, rss);
        });
    }

    /** The process's peak resident set ({@code VmHWM}), or -1 where {@code /proc} is absent (not Linux). */
    public static long peakResidentBytes() {
        try {
            return procStatusBytes("VmHWM");
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    /** A {@code kB} field of {@code /proc/self/status}, in bytes. */
    private static long procStatusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L; // the kernel reports kB
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + " from /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }

    /** The model, ready to step: what {@link #measure} and {@link #memory} run. */
    private record Setup(long parameters, double initSeconds, Inputs inputs, Step train, Step inference) {
    }

    private static <R> R withModel(ResolvedRun run, Device device, Options options, Function<Setup, R> body) {
        long start = System.nanoTime();
        List<TaskSpec> tasks = run.tasks();
        long[] image = run.imageShape();
        try (RunComponents components = options.realData() ? new RunComponents(run) : RunComponents.withoutData(run)) {
            MultiTaskNetwork network = components.network();
            Weighting weighting = components.weighting();
            PyTorchOptimizer optimizer = PyTorchOptimizer.create(run.config().training().optimizer());
            Device[] devices = {device};
            try (Model model = Model.newInstance(run.config().name(), device);
                    NDManager data = model.getNDManager().newSubManager(device)) {
                model.setBlock(network);
                // As MultiTaskTrainer: DJL's trainer insists on a loss; ours come from the heads.
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(optimizer).optDevices(devices);
                try (Trainer trainer = model.newTrainer(config);
                        BatchLoader loader = options.realData() ? new BatchLoader(components.dataset(), run.datasetTaskIndex(), data,
                                run.config().training().loaderThreads(), run.config().training().prefetch()) : null) {
                    trainer.initialize(new Shape(1, image[0], image[1], image[2]));
                    SharedGradients shared = new SharedGradients(components.backbone().sharedParameters());
                    if (weighting.usesRepresentationGradients()) {
                        network.cutAtRepresentations(true);
                    }
                    long parameters = network.getParameters().values().stream()
                            .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
                    double initSeconds = (System.nanoTime() - start) / 1e9;
                    Inputs inputs = new Inputs(loader, data, tasks, image, options.batchSize(), run.config().seed());
                    MultiTaskTrainer stepper = new MultiTaskTrainer(run, components, devices, Set.of());
                    List<org.mtan4j.api.TaskHead> heads = components.heads();
                    Random random = new Random(run.config().seed());
                    long[] step = {0};
                    Step train = batch -> stepper.trainStep(trainer, heads, weighting, shared, batch, tasks, 0, step[0]++, random);
                    ParameterStore store = new ParameterStore(data, false);
                    Step inference = batch -> {
                        NDList predictions = network.forward(store, new NDList(batch.images()), false);
                        // Reading one value waits for the pass to finish on devices that run asynchronously.
                        NDArray first = predictions.get(0);
                        first.getFloat(new long[first.getShape().dimension()]);
                    };
                    return body.apply(new Setup(parameters, initSeconds, inputs, train, inference));
                }
            }
        }
    }

    private interface Step {
        void run(Batch batch);
    }

    private static Timings time(Options options, Inputs inputs, Step step) {
        double[] seconds = new double[options.steps()];
        for (int i = -options.warmup(); i < options.steps(); i++) {
            try (Batch batch = inputs.next()) {
                long t0 = System.nanoTime();
                step.run(batch);
                long t1 = System.nanoTime();
                if (i >= 0) {
                    seconds[i] = (t1 - t0) / 1e9;
                }
            }
        }
        return new Timings(seconds);
    }

    /** Batches: the dataset's training split (endlessly, epoch after epoch) or random ones. */
    private static final class Inputs {
        private final BatchLoader loader;
        private final NDManager data;
        private final List<TaskSpec> tasks;
        private final long[] image;
        private final int batchSize;
        private final long seed;
        private Iterator<Batch> batches;
        private int epoch;

        Inputs(BatchLoader loader, NDManager data, List<TaskSpec> tasks, long[] image, int batchSize, long seed) {
            this.loader = loader;
            this.data = data;
            this.tasks = tasks;
            this.image = image;
            this.batchSize = batchSize;
            this.seed = seed;
        }

        Batch next() {
            if (loader != null) {
                if (batches == null || !batches.hasNext()) {
                    batches = loader.batches(MultiTaskDataset.TRAIN, batchSize, true, seed, epoch++);
                }
                return batches.next();
            }
            NDManager manager = data.newSubManager();
            long n = batchSize;
            long h = image[1];
            long w = image[2];
            NDArray images = manager.randomUniform(0f, 1f, new Shape(n, image[0], h, w));
            NDList targets = new NDList(tasks.size());
            for (TaskSpec task : tasks) {
                targets.add(switch (task.kind()) {
                    case SEGMENTATION -> manager.randomInteger(0, task.classes(), new Shape(n, h, w), DataType.INT64)
                            .toType(DataType.FLOAT32, false);
                    case DEPTH -> manager.randomUniform(0.5f, 5f, new Shape(n, 1, h, w));
                    case NORMAL -> {
                        NDArray v = manager.randomNormal(new Shape(n, 3, h, w));
                        yield v.div(v.square().sum(new int[] {1}, true).sqrt().add(1e-6f));
                    }
                    case CLASSIFICATION -> manager.randomInteger(0, task.classes(), new Shape(n), DataType.INT64)
                            .toType(DataType.FLOAT32, false);
                });
            }
            return new Batch(manager, images, targets, batchSize);
        }
    }
}
