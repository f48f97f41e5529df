package org.mtan4j.blocks.sampling;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mtan4j.testkit.EngineTest;

/**
 * Micro-benchmark of the exact hot-path ops against DJL's native max-pool on a {@code 2x64x288x384}
 * tensor (the first SegNet level at the paper's NYUv2 size, batch 2). Not a test: it asserts nothing
 * about time and runs only when asked,
 * {@code mvn -pl plugins/building-blocks test -Dtest=OpsBenchmarkTest -Dmtan.bench=true}; it prints a table
 * and writes it to {@code plugins/building-blocks/target/ops-benchmark.txt}. Exactness is judged by
 * {@link MaxPool2x2Test} and {@link AlignCornersBilinearTest}, not here.
 *
 * <p>Each op is timed forward only and forward plus backward (the training cost). The resize is the
 * align-corners 2x upsampling from {@code 144x192} to {@code 288x384}, so its output is the yardstick's
 * input; unpooling reads the pooled values and indices and writes {@code 2x64x288x384}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mtan.bench", matches = "true")
class OpsBenchmarkTest extends EngineTest {

    private static final Shape SHAPE = new Shape(2, 64, 288, 384);
    private static final int WARMUP = Integer.getInteger("mtan.bench.warmup", 5);
    private static final int REPEATS = Integer.getInteger("mtan.bench.repeats", 21);

    @Test
    void opsAgainstNativeMaxPool() throws IOException {
        NDArray x = manager.randomNormal(SHAPE);
        NDArray half = manager.randomNormal(new Shape(2, 64, 144, 192));
        Pooled pooled = MaxPool2x2.pool(x);
        NDArray pooledValues = pooled.values().duplicate();
        Shape two = new Shape(2, 2);
        Shape zero = new Shape(0, 0);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("ops on %s, PyTorch intra-op threads: %s (-Dai.djl.pytorch.num_threads), median of %d after %d warm-up",
                SHAPE, threads(), REPEATS, WARMUP));
        lines.add(String.format("%-34s %12s %8s %16s %8s", "op", "forward ms", "ratio", "fwd+bwd ms", "ratio"));
        double[] base = row(lines, "DJL native maxPool2d (yardstick)", x, a -> Pool.maxPool2d(a, two, two, zero, false), null);
        row(lines, "MaxPool2x2.pool (exact, indices)", x, a -> MaxPool2x2.pool(a).values(), base);
        row(lines, "MaxPool2x2.unpool", pooledValues, v -> MaxPool2x2.unpool(v, pooled.indices()), base);
        row(lines, "AlignCornersBilinear 2x upsample", half, AlignCornersBilinear::upsample2x, base);
        String table = String.join(System.lineSeparator(), lines);
        Path file = Path.of("target", "ops-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table + System.lineSeparator());
        // The benchmark's report is its output (it runs only on request).
        System.out.println(table);
    }

    private double[] row(List<String> lines, String name, NDArray input, Function<NDArray, NDArray> op, double[] base) {
        double forward = median(() -> {
            try (NDManager scope = manager.newSubManager()) {
                NDArray in = input.duplicate();
                in.attach(scope);
                NDArray out = op.apply(in);
                out.getFloat(0, 0, 0, 0); // waits for the result (CPU is synchronous; kept for clarity)
            }
        });
        double both = median(() -> {
            try (NDManager scope = manager.newSubManager()) {
                NDArray in = input.duplicate();
                in.attach(scope);
                in.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = op.apply(in);
                    collector.backward(out.sum());
                }
                in.getGradient().getFloat(0, 0, 0, 0);
            }
        });
        if (base == null) {
            lines.add(String.format("%-34s %12.2f %8s %16.2f %8s", name, forward, "1.00", both, "1.00"));
        } else {
            lines.add(String.format("%-34s %12.2f %8.2f %16.2f %8.2f", name, forward, forward / base[0], both, both / base[1]));
        }
        return new double[] {forward, both};
    }

    private static double median(Runnable body) {
        for (int i = 0; i < WARMUP; i++) {
            body.run();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[REPEATS / 2];
    }

    private static String threads() {
        return System.getProperty("ai.djl.pytorch.num_threads", "default");
    }
}
