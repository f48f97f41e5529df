package org.mtan4j.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.runtime.PluginOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtan data bench DATASET --root DIR}: training samples per second that {@code --threads}
 * loader threads sustain, each sample read into its own NDManager and released, as a prefetching
 * loader does. Datasets with an {@code augment} option are measured without and with it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures training samples per second loaded by N threads, with and without augmentation.")
final class DataBenchCommand implements Callable<Integer> {

    private static final int REPEATS = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset's name, e.g. nyuv2.")
    String name;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The dataset's folder (its root option).")
    String root;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Another dataset option (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2", description = "Loader threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--samples", defaultValue = "400", description = "Samples per measurement (default ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() throws Exception {
        return BadInput.guard(spec.commandLine().getErr(), this::bench);
    }

    private Integer bench() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DataCommand.Opened probe = DataCommand.open(name, root, sets, Map.of());
        boolean hasAugment = PluginOptions.toMap(probe.options()).containsKey("augment");
        probe.dataset().close();
        for (Boolean augment : hasAugment ? List.of(false, true) : List.of((Boolean) null)) {
            DataCommand.Opened opened = DataCommand.open(name, root, sets, augment == null ? Map.of() : Map.of("augment", augment));
            try (MultiTaskDataset dataset = opened.dataset()) {
                measure(dataset, Math.max(samples / 4, 50)); // warm-up: JIT, page cache, thread-local buffers
                double[] rates = new double[REPEATS];
                for (int r = 0; r < REPEATS; r++) {
                    rates[r] = measure(dataset, samples);
                }
                java.util.Arrays.sort(rates);
                // Median and best of a few runs: other processes on a shared machine only ever slow a run down.
                out.printf("%s %s%s: median %.1f, best %.1f samples/s with %d thread(s), %d runs of %d samples%n", name,
                        dataset.imageShape(), augment == null ? "" : augment ? " augmented" : " not augmented",
                        rates[REPEATS / 2], rates[REPEATS - 1], threads, REPEATS, samples);
            }
        }
        return ExitCodes.OK;
    }

    private double measure(MultiTaskDataset dataset, int count) throws Exception {
        int size = dataset.size(MultiTaskDataset.TRAIN);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try (NDManager manager = NDManager.newBaseManager()) {
                            dataset.get(manager, MultiTaskDataset.TRAIN, i % size, i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
