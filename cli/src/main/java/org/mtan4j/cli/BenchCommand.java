package org.mtan4j.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.Devices;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.engine.DeviceMemoryPeak;
import org.mtan4j.runtime.training.StepBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtan bench}: the cost of a run's model. Engine start-up, trainable parameters, training-step
 * time (forward, losses, weighting, backward, optimiser: the trainer's own step code) and inference time
 * as median and spread of N steps after a warm-up, images per second, and peak memory (the process's resident
 * set; on a GPU also the device's memory, sampled by {@link DeviceMemoryPeak} from the model's building to the
 * last timed step). Inputs are random
 * batches of the configured (or {@code --height}/{@code --width}) size unless {@code --data} asks for
 * the dataset's. Data loading alone is measured by {@code mtan data bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures a model's training-step and inference time, parameters and peak memory "
                + "(without CONFIG: the bundled demo).")
final class BenchCommand implements Callable<Integer> {

    /** What to time. */
    enum Mode {
        train, inference, both
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The run's YAML file; absent: the bundled demo.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a configuration value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", description = "Samples per step; default: the config's training.batch-size.")
    Integer batch;

    @Option(names = "--height", paramLabel = "H", description = "Input height (random inputs); default: the dataset's.")
    Long height;

    @Option(names = "--width", paramLabel = "W", description = "Input width (random inputs); default: the dataset's.")
    Long width;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5", description = "Timed steps per mode (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "T",
            description = "PyTorch intra-op threads; default: the config's training.threads (0: all cores).")
    Integer threads;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N; overrides `device` (one device).")
    String device;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
            description = "train, inference or both (default ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--data", description = "Use the dataset's training batches instead of random inputs (needs the data).")
    boolean realData;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--memory-steps", paramLabel = "N",
            description = "Instead of timing: run N training steps and report the resident set every --memory-every steps.")
    Long memorySteps;

    @Option(names = "--memory-every", paramLabel = "K", defaultValue = "1000",
            description = "Steps between resident-set samples of --memory-steps (default ${DEFAULT-VALUE}).")
    long memoryEvery;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> all = new ArrayList<>(overrides);
        if (device != null) {
            all.add("device=[" + device + "]");
        }
        if (threads != null) {
            all.add("training.threads=" + threads);
        }
        if (steps < 1 || warmup < 0 || (batch != null && batch < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps and --batch must be positive and "
                    + "--warmup at least 0");
        }
        if (memorySteps != null && (memorySteps < 1 || memoryEvery < 1 || memoryEvery > memorySteps)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--memory-steps must be positive and "
                    + "--memory-every between 1 and --memory-steps, got " + memorySteps + " and " + memoryEvery);
        }
        RunConfig runConfig = ConfigSource.load(config, all);
        String source = ConfigSource.name(config);
        if (runConfig.device().size() != 1) {
            throw new ConfigException(source, "device", "mtan bench measures one device, got " + runConfig.device());
        }
        if (realData && (height != null || width != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--data reads the dataset's own size: "
                    + "--height and --width need random inputs");
        }
        // Without --data nothing is read: a config whose data is absent can still be measured.
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(runConfig, source, realData);
        if (height != null || width != null) {
            long h = height != null ? height : run.imageShape()[1];
            long w = width != null ? width : run.imageShape()[2];
            int multiple = run.backbone().provider().inputSizeMultiple();
            if (h < 1 || w < 1 || h % multiple != 0 || w % multiple != 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "input size " + h + "x" + w
                        + " must be positive multiples of " + multiple + " for backbone '" + run.backbone().provider().name() + "'");
            }
            run = StepBench.withImageSize(run, h, w);
        }
        int batchSize = batch != null ? batch : run.config().training().batchSize();

        long t0 = System.nanoTime();
        Engine engine = Engines.startOffline(run.config().training().threads());
        double engineSeconds = (System.nanoTime() - t0) / 1e9;
        Device dev = Devices.resolve(run.config().device(), engine, source)[0];

        StepBench.Options options = new StepBench.Options(batchSize, warmup, steps, mode != Mode.inference, mode != Mode.train, realData);
        if (memorySteps != null) {
            return memory(out, run, dev, options, engine, source);
        }
        StepBench.Result result;
        DeviceMemoryPeak.Result deviceMemory;
        try (DeviceMemoryPeak peak = DeviceMemoryPeak.start(dev)) {
            result = StepBench.measure(run, dev, options);
            peak.close();
            deviceMemory = peak.result();
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("config", source);
        report.put("name", run.config().name());
        report.put("backbone", run.backbone().provider().name());
        report.put("weighting", run.weighting().provider().name());
        report.put("tasks", run.tasks().stream().map(t -> t.name()).toList());
        report.put("engine", engine.getEngineName() + " " + engine.getVersion());
        report.put("device", dev.toString());
        report.put("threads", Engines.threads(engine));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("native_allocator", Engines.nativeAllocator());
        report.put("inputs", realData ? "dataset" : "random");
        report.put("batch", batchSize);
        report.put("height", result.imageShape()[1]);
        report.put("width", result.imageShape()[2]);
        report.put("warmup", warmup);
        report.put("steps", steps);
        report.put("engine_start_s", engineSeconds);
        report.put("model_init_s", result.initSeconds());
        report.put("parameters", result.parameters());
        report.put("train", timings(result.train(), batchSize));
        report.put("inference", timings(result.inference(), batchSize));
        long rss = StepBench.peakResidentBytes();
        report.put("peak_rss_bytes", rss < 0 ? null : rss);
        report.put("peak_device_memory_bytes", deviceMemory.peakUsedBytes());
        report.put("device_memory_start_bytes", deviceMemory.startUsedBytes());
        report.put("device_memory_total_bytes", deviceMemory.totalBytes());
        report.put("device_memory_note", deviceMemory.note());

        if (json) {
            out.println(toJson(report));
        } else {
            printText(out, report, result);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> timings(StepBench.Timings t, int batchSize) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_s", t.median());
        m.put("min_s", t.min());
        m.put("max_s", t.max());
        m.put("q1_s", t.quantile(0.25));
        m.put("q3_s", t.quantile(0.75));
        m.put("images_per_s", batchSize / t.median());
        m.put("steps_s", t.seconds());
        return m;
    }

    @SuppressWarnings("unchecked")
    private void printText(PrintWriter out, Map<String, Object> r, StepBench.Result result) {
        out.printf("%s: backbone %s, weighting %s, tasks %s%n", r.get("name"), r.get("backbone"), r.get("weighting"), r.get("tasks"));
        out.printf("engine %s on %s, %s intra-op thread(s) of %s cores, native allocator %s; started in %.2f s%n", r.get("engine"),
                r.get("device"), r.get("threads"), r.get("cores"), r.get("native_allocator"), (Double) r.get("engine_start_s"));
        out.printf("inputs: %s, batch %d x %d x %d x %d%s%n", realData ? "the dataset's training batches" : "random", batch(r),
                result.imageShape()[0], result.imageShape()[1], result.imageShape()[2],
                height != null || width != null ? " (size overridden: random inputs, not the dataset's)" : "");
        out.printf("parameters: %,d trainable; model built and initialised in %.2f s%n", result.parameters(), result.initSeconds());
        for (String kind : List.of("train", "inference")) {
            Map<String, Object> t = (Map<String, Object>) r.get(kind);
            if (t != null) {
                out.printf("%-9s step: median %.3f s (min %.3f, q1 %.3f, q3 %.3f, max %.3f) over %d steps after %d warm-up; %.2f images/s%n",
                        kind, t.get("median_s"), t.get("min_s"), t.get("q1_s"), t.get("q3_s"), t.get("max_s"), steps, warmup,
                        t.get("images_per_s"));
            }
        }
        Object rss = r.get("peak_rss_bytes");
        Object device = r.get("peak_device_memory_bytes");
        out.printf("peak RSS: %s; peak device memory: %s%n", rss == null ? "n/a" : String.format("%.2f GB", ((Long) rss) / 1e9),
                device == null ? r.get("device_memory_note") : String.format("%.2f GB of %.2f GB (%.2f GB in use before the model; %s)",
                        ((Long) device) / 1e9, ((Long) r.get("device_memory_total_bytes")) / 1e9,
                        ((Long) r.get("device_memory_start_bytes")) / 1e9, r.get("device_memory_note")));
    }

    private static int batch(Map<String, Object> r) {
        return (Integer) r.get("batch");
    }

    /** {@code --memory-steps}: the resident set along a long run instead of timings. */
    private int memory(PrintWriter out, ResolvedRun run, Device dev, StepBench.Options options, Engine engine, String source) {
        StepBench.MemoryResult m = StepBench.memory(run, dev, options, memorySteps, memoryEvery);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("config", source);
            report.put("name", run.config().name());
            report.put("backbone", run.backbone().provider().name());
            report.put("threads", Engines.threads(engine));
            report.put("native_allocator", Engines.nativeAllocator());
            report.put("inputs", options.realData() ? "dataset" : "random");
            report.put("batch", options.batchSize());
            report.put("memory_steps", m.steps());
            report.put("rss_bytes", m.residentBytes());
            report.put("rss_growth", m.growth());
            out.println(toJson(report));
        } else {
            out.printf("%s: %d training steps of batch %d (%s inputs), %s intra-op thread(s), native allocator %s%n", run.config().name(),
                    memorySteps, options.batchSize(), options.realData() ? "dataset" : "random", Engines.threads(engine),
                    Engines.nativeAllocator());
            for (int i = 0; i < m.steps().length; i++) {
                out.printf("RSS after %,d steps: %.1f MB%n", m.steps()[i], m.residentBytes()[i] / 1048576.0);
            }
            out.printf("growth from step %,d to step %,d: %+.2f%%%n", m.steps()[0], m.steps()[m.steps().length - 1], 100 * m.growth());
        }
        return ExitCodes.OK;
    }

    private static String toJson(Map<String, Object> report) {
        try {
            return new ObjectMapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
