package org.mtan4j.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.numpy.Npy;
import org.mtan4j.numpy.NpyHeader;
import org.mtan4j.api.text.ProblemList;
import org.mtan4j.runtime.PluginOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtan data check DATASET --root DIR}: validates a dataset folder in one pass and reports
 * everything wrong, not just the first problem.
 *
 * <p>Two passes over the data, both through public APIs only: every {@code .npy} file under the root
 * has its header read (counts, dtypes and shapes per folder; big-endian and Fortran-order files are
 * listed as bad, since the loaders refuse them); then the dataset is opened with augmentation off and
 * every sample of every split is loaded, collecting value ranges, unknown-pixel fractions and class
 * histograms, and listing each sample whose files fail with the loader's message (for image-folder
 * datasets that is every unreadable image, label out of range and list entry without its file). Exit
 * code 2 when anything is bad, as for any bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a dataset folder: counts, shapes, dtypes, value ranges, class histograms and every bad file.")
final class DataCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset's name, e.g. nyuv2, cityscapes, decathlon.")
    String name;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The dataset's folder (its root option).")
    String root;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Another dataset option, e.g. height=128 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--all", description = "List every problem; by default the first " + ProblemList.SHOWN + ".")
    boolean all;

    @Override
    public Integer call() throws Exception {
        return BadInput.guard(spec.commandLine().getErr(), this::check);
    }

    private Integer check() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> bad = new ArrayList<>();
        Set<List<Integer>> sizes = scanNpy(Path.of(root), out, bad);
        int fileProblems = bad.size();
        DataCommand.Opened opened = null;
        try {
            opened = DataCommand.open(name, root, sets, Map.of("augment", false));
        } catch (IOException e) {
            bad.add(e.getMessage());
        }
        String hint = null;
        if (opened != null) {
            out.println("dataset " + name + " " + PluginOptions.toMap(opened.options()));
            try (MultiTaskDataset dataset = opened.dataset()) {
                for (String split : dataset.splits()) {
                    checkSplit(dataset, split, out, bad);
                }
            }
            hint = bad.size() > fileProblems ? sizeHint(PluginOptions.toMap(opened.options()), sizes) : null;
        }
        if (bad.isEmpty()) {
            out.println("no problems found");
            return ExitCodes.OK;
        }
        out.println(bad.size() + " problem(s)" + (hint == null ? "" : "; " + hint) + ":");
        (all ? bad : ProblemList.capped(bad)).forEach(b -> out.println("  " + b));
        if (!all && bad.size() > ProblemList.SHOWN) {
            out.println("(--all lists every problem)");
        }
        return ExitCodes.USAGE;
    }

    /**
     * When every array file has one spatial size and the dataset's {@code height} and {@code width}
     * options name another, says so: one wrong option makes every sample fail with a shape error.
     */
    private static String sizeHint(Map<String, Object> options, Set<List<Integer>> sizes) {
        if (sizes.size() != 1 || !(options.get("height") instanceof Number h) || !(options.get("width") instanceof Number w)) {
            return null;
        }
        List<Integer> files = sizes.iterator().next();
        if (files.get(0) == h.intValue() && files.get(1) == w.intValue()) {
            return null;
        }
        return "the files are " + files.get(0) + "x" + files.get(1) + " but the options say height " + h + ", width " + w
                + ": pass --set height=" + files.get(0) + " --set width=" + files.get(1) + " (dataset.options in a run's YAML)";
    }

    /**
     * Reads the header of every .npy file under {@code root}; tallies dtype and shape per folder.
     *
     * @return the distinct spatial sizes (the first two axes) of the arrays of two or more axes
     */
    private static Set<List<Integer>> scanNpy(Path root, PrintWriter out, List<String> bad) throws IOException {
        Set<List<Integer>> sizes = new LinkedHashSet<>();
        if (!Files.isDirectory(root)) {
            return sizes; // opening the dataset reports it
        }
        Map<String, Map<String, Integer>> tally = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".npy")).sorted()::iterator) {
                String folder = root.relativize(f.getParent()).toString();
                try {
                    NpyHeader h = Npy.readHeader(f);
                    if (h.bigEndian()) {
                        bad.add(f + ": big-endian data ('" + h.descr() + "')");
                    } else if (h.fortranOrder() && h.shape().length > 1) {
                        bad.add(f + ": Fortran-order data");
                    }
                    if (h.shape().length >= 2) {
                        sizes.add(List.of(h.shape()[0], h.shape()[1]));
                    }
                    String key = h.descr() + " " + shape(h.shape());
                    tally.computeIfAbsent(folder, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
                } catch (IOException e) {
                    bad.add(e.getMessage());
                    tally.computeIfAbsent(folder, k -> new TreeMap<>()).merge("unreadable", 1, Integer::sum);
                }
            }
        }
        if (!tally.isEmpty()) {
            out.println(".npy files by folder (dtype shape x count):");
            tally.forEach((folder, kinds) -> out.println("  " + folder + ": " + kinds.entrySet().stream()
                    .map(e -> e.getKey() + " x" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        return sizes;
    }

    private static String shape(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Running statistics of one target (or the image) over a split. */
    private static final class Stats {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long values;
        long unknown;
        long[] histogram;
        long ignored;

        void range(float v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        String describe(TaskSpec task) {
            if (min > max) {
                return "no readable samples";
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("range [%.4g, %.4g]", min, max));
            if (task != null) {
                switch (task.kind()) {
                    case SEGMENTATION, CLASSIFICATION -> {
                        sb.append(String.format(", ignored %.2f%%, histogram:", 100.0 * ignored / Math.max(values, 1)));
                        for (int c = 0; c < histogram.length; c++) {
                            sb.append(String.format(" %d:%.2f%%", c, 100.0 * histogram[c] / Math.max(values, 1)));
                        }
                    }
                    default -> sb.append(String.format(", unknown %.2f%%", 100.0 * unknown / Math.max(values, 1)));
                }
            }
            return sb.toString();
        }
    }

    private static void checkSplit(MultiTaskDataset dataset, String split, PrintWriter out, List<String> bad) {
        int n = dataset.size(split);
        List<TaskSpec> tasks = dataset.tasks();
        Stats image = new Stats();
        String dtype = "";
        Stats[] targets = new Stats[tasks.size()];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = new Stats();
            targets[t].histogram = new long[Math.max(tasks.get(t).classes(), 0)];
        }
        int good = 0;
        for (int i = 0; i < n; i++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Sample s = dataset.get(manager, split, i, 0L);
                dtype = " " + s.image().getDataType();
                for (float v : s.image().toFloatArray()) {
                    image.range(v);
                }
                for (int t = 0; t < targets.length; t++) {
                    accumulate(tasks.get(t), s.targets().get(t).toFloatArray(), targets[t]);
                }
                good++;
            } catch (IOException | RuntimeException e) {
                bad.add(split + "[" + i + "]: " + e.getMessage());
            }
        }
        out.println(split + ": " + n + " samples (" + good + " readable), image " + dataset.imageShape() + dtype + " "
                + image.describe(null));
        for (int t = 0; t < targets.length; t++) {
            out.println("  " + tasks.get(t).name() + " (" + tasks.get(t).kind().yamlName() + "): " + targets[t].describe(tasks.get(t)));
        }
    }

    private static void accumulate(TaskSpec task, float[] v, Stats s) {
        switch (task.kind()) {
            case SEGMENTATION, CLASSIFICATION -> {
                for (float x : v) {
                    s.values++;
                    s.range(x);
                    if (x == task.ignoreValue()) {
                        s.ignored++;
                    } else if (x >= 0 && x < s.histogram.length) {
                        s.histogram[(int) x]++;
                    }
                }
            }
            case DEPTH -> {
                for (float x : v) {
                    s.values++;
                    s.range(x);
                    s.unknown += x == 0 ? 1 : 0;
                }
            }
            case NORMAL -> {
                int plane = v.length / 3;
                for (int p = 0; p < plane; p++) {
                    s.values++;
                    float sum = v[p] + v[plane + p] + v[2 * plane + p];
                    s.unknown += sum == 0 ? 1 : 0; // the paper's validity test: channel sum != 0
                    s.range(v[p]);
                    s.range(v[plane + p]);
                    s.range(v[2 * plane + p]);
                }
            }
            default -> throw new IllegalStateException(task.kind().toString());
        }
    }
}
