package org.mtan4j.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written run directories: exact values, no training. */
final class FakeRuns {

    private FakeRuns() {
    }

    /**
     * Writes a run with one semantic task (miou, pixel-accuracy) and one depth task (abs-error, rel-error).
     *
     * @param epochs per epoch {val loss semantic, val loss depth, miou, pixel-accuracy, abs-error, rel-error}
     */
    static Path write(Path root, String name, long seed, String backbone, String weighting, double[]... epochs) throws IOException {
        return write(1, root, name, seed, backbone, weighting, epochs);
    }

    /** As {@link #write(Path, String, long, String, String, double[][])}, the epochs counted from {@code first}. */
    static Path write(int first, Path root, String name, long seed, String backbone, String weighting, double[]... epochs)
            throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), String.join("\n",
                "name: " + name,
                "seed: " + seed,
                "dataset: {name: synthetic, options: {height: 32, width: 64}}",
                "tasks:",
                "  semantic: {head: segnet-semantic, metrics: [{name: confusion-matrix, options: {formula: per-image}}]}",
                "  depth: {head: segnet-depth, metrics: [depth-error]}",
                "backbone: {name: " + backbone + ", options: {variant: standard}}",
                "weighting: " + weighting,
                ""));
        Files.writeString(dir.resolve("provenance.json"), "{\"seed\": " + seed + ", \"parameters\": 1234, \"status\": \"finished\"}\n");
        List<String> rows = new ArrayList<>();
        rows.add("epoch,split,task,metric,value,higher-is-better");
        for (int e = 0; e < epochs.length; e++) {
            double[] v = epochs[e];
            rows.add((e + first) + ",train,semantic,loss," + (2.0 - e * 0.1) + ",false");
            rows.add((e + first) + ",train,semantic,weight,1.0,");
            rows.add((e + first) + ",train,depth,loss," + (1.0 - e * 0.05) + ",false");
            rows.add((e + first) + ",train,depth,weight,1.0,");
            rows.add((e + first) + ",train,,learning-rate,1.0E-4,");
            rows.add((e + first) + ",val,semantic,loss," + v[0] + ",false");
            rows.add((e + first) + ",val,semantic,miou," + v[2] + ",true");
            rows.add((e + first) + ",val,semantic,pixel-accuracy," + v[3] + ",true");
            rows.add((e + first) + ",val,depth,loss," + v[1] + ",false");
            rows.add((e + first) + ",val,depth,abs-error," + v[4] + ",false");
            rows.add((e + first) + ",val,depth,rel-error," + v[5] + ",false");
        }
        Files.write(dir.resolve("metrics.csv"), rows);
        return dir;
    }

    /** A constant run: every epoch the same values. */
    static Path constant(Path root, String name, long seed, String weighting, int epochs, double miou, double acc, double abs, double rel)
            throws IOException {
        double[][] all = new double[epochs][];
        for (int e = 0; e < epochs; e++) {
            all[e] = new double[] {1, 1, miou, acc, abs, rel};
        }
        return write(root, name, seed, "split", weighting, all);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
