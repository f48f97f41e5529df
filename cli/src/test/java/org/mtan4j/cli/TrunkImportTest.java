package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.CliTest.mtan;

import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.NpyArray;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.Npz;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.weights.RunModel;
import org.mtan4j.runtime.weights.StateDicts;

/**
 * {@code mtan import-weights --only trunk} on a narrow ResNet-MTAN (base width 2, two blocks per stage,
 * 4-channel DeepLab heads, 16x16) from a torchvision-style state_dict written here: the trunk's
 * torchvision names and shapes with random values, plus a classifier ({@code fc.*}) and BatchNorm
 * counters as torchvision's {@code resnet50().state_dict()} has.
 */
class TrunkImportTest {

    private static final String HEAD = "{name: deeplab, options: {channels: 4}}";
    private static final String YAML = String.join("\n",
            "name: trunk",
            "seed: 3",
            "dataset:",
            "  name: synthetic",
            "  options: {height: 16, width: 16, train-size: 2, val-size: 2}",
            "tasks:",
            "  semantic: {head: " + HEAD + ", metrics: [confusion-matrix]}",
            "  depth: {head: " + HEAD + ", metrics: [depth-error]}",
            "  normal: {head: " + HEAD + ", metrics: [normal-angle]}",
            "backbone:",
            "  name: resnet-mtan",
            "  options: {base-width: 2, blocks: [2, 2, 2, 2]}",
            "weighting: equal",
            "");

    @BeforeAll
    static void offline() {
        Engines.markOffline();
    }

    private static RunModel model() {
        return RunModel.build(new RunResolver(PluginRegistry.discover()).resolve(ConfigLoader.load(YAML, "run.yaml", List.of()),
                "run.yaml"));
    }

    /** torchvision name to the reference name the export uses, matched through the parameter itself. */
    private static Map<String, String> referenceNames(RunModel model) {
        Map<Parameter, String> byParameter = new IdentityHashMap<>();
        model.stateDictNames().entries().forEach((name, p) -> byParameter.put(p, name));
        Map<String, String> out = new LinkedHashMap<>();
        model.backbone().trunkStateDictEntries().forEach((name, p) -> out.put(name, byParameter.get(p)));
        return out;
    }

    /** The trunk's entries with random values (running variances positive), then fc and the counters. */
    private static Map<String, NpyArray> torchvisionStateDict(RunModel model) {
        Random random = new Random(17);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        model.backbone().trunkStateDictEntries().forEach((name, p) -> {
            int[] shape = java.util.Arrays.stream(p.getArray().getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            float[] v = new float[Math.toIntExact(p.getArray().size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = name.endsWith("running_var") ? 0.5f + random.nextFloat() : (float) random.nextGaussian();
            }
            out.put(name, new NpyArray(name, NpyDType.FLOAT32, shape, v));
            if (name.endsWith("running_var")) {
                String counter = name.substring(0, name.length() - "running_var".length()) + "num_batches_tracked";
                out.put(counter, new NpyArray(counter, NpyDType.INT64, new int[0], new float[] {7}));
            }
        });
        out.put("fc.weight", new NpyArray("fc.weight", NpyDType.FLOAT32, new int[] {5, 64}, new float[5 * 64]));
        out.put("fc.bias", new NpyArray("fc.bias", NpyDType.FLOAT32, new int[] {5}, new float[5]));
        return out;
    }

    @Test
    void loadsTheTrunkAloneAndLeavesTheRestAtItsInitialValues(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, YAML);
        Path npz = dir.resolve("resnet50.npz");
        Map<String, NpyArray> state;
        Map<String, String> reference;
        Map<String, NpyArray> initial;
        try (RunModel model = model()) {
            state = torchvisionStateDict(model);
            reference = referenceNames(model);
            initial = StateDicts.arrays(model.stateDictNames());
        }
        Npz.write(npz, state, false);
        int counters = (int) state.keySet().stream().filter(n -> n.endsWith("num_batches_tracked")).count();

        Path checkpoint = dir.resolve("model.params");
        CliTest.Result imported = mtan("import-weights", "--config", config.toString(), "--from", npz.toString(), "--only", "trunk",
                "--out", checkpoint.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported " + reference.size() + " trunk entries"), imported.out());
        List<String> noteLines = imported.out().lines().filter(l -> l.contains("not trunk parameters")).toList();
        assertEquals(1, noteLines.size(), "one line for the ignored entries: " + imported.out());
        assertTrue(noteLines.get(0).contains((counters + 2) + " entries"), noteLines.get(0));
        assertTrue(noteLines.get(0).contains("num_batches_tracked"), noteLines.get(0));

        Path exported = dir.resolve("exported.npz");
        CliTest.Result export = mtan("export-weights", checkpoint.toString(), "--config", config.toString(), "--out", exported.toString());
        assertEquals(0, export.code(), export.err());
        Map<String, NpyArray> out = Npz.read(exported);
        assertEquals(initial.keySet(), out.keySet());
        reference.forEach((torchvision, name) -> assertArrayEquals(state.get(torchvision).data(), out.get(name).data(), name));
        int untouched = 0;
        for (String name : out.keySet()) {
            if (!reference.containsValue(name)) {
                assertArrayEquals(initial.get(name).data(), out.get(name).data(), name + " keeps its initial value");
                untouched++;
            }
        }
        assertTrue(untouched > 0 && reference.size() > 0, "both parts exist");
    }

    @Test
    void refusesAFileWithoutTheWholeTrunkListingEveryProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, YAML);
        Path npz = dir.resolve("bad.npz");
        try (RunModel model = model()) {
            Map<String, NpyArray> state = torchvisionStateDict(model);
            state.remove("layer2.0.conv1.weight");
            state.remove("bn1.running_mean");
            NpyArray conv1 = state.get("conv1.weight");
            state.put("conv1.weight", new NpyArray("conv1.weight", NpyDType.FLOAT32, new int[] {conv1.data().length}, conv1.data()));
            Npz.write(npz, state, false);
        }
        Path checkpoint = dir.resolve("model.params");
        CliTest.Result r = mtan("import-weights", "--config", config.toString(), "--from", npz.toString(), "--only", "trunk",
                "--out", checkpoint.toString());
        assertEquals(2, r.code(), r.out());
        for (String expected : List.of(npz.toString(), "2 missing", "layer2.0.conv1.weight", "bn1.running_mean", "1 wrong shape",
                "conv1.weight")) {
            assertTrue(r.err().contains(expected), expected + " in: " + r.err());
        }
        assertFalse(r.err().contains("fc.weight"), "extra entries are not problems: " + r.err());
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void refusesABackboneWithoutATrunkAndAnUnknownPart(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("split.yaml");
        Files.writeString(config, String.join("\n", "name: split", "dataset:", "  name: synthetic",
                "  options: {height: 32, width: 32, train-size: 2, val-size: 2}",
                "tasks:", "  semantic: {head: segnet-semantic, metrics: [confusion-matrix]}",
                "  depth: {head: segnet-depth, metrics: [depth-error]}", "  normal: {head: segnet-normal, metrics: [normal-angle]}",
                "backbone: {name: split, options: {filters: [4, 8, 8, 8, 8]}}", ""));
        Path npz = dir.resolve("any.npz");
        Npz.write(npz, Map.of("fc.bias", new NpyArray("fc.bias", NpyDType.FLOAT32, new int[] {1}, new float[1])), false);
        CliTest.Result noTrunk = mtan("import-weights", "--config", config.toString(), "--from", npz.toString(), "--only", "trunk",
                "--out", dir.resolve("a.params").toString());
        assertEquals(2, noTrunk.code(), noTrunk.out());
        assertTrue(noTrunk.err().contains("backbone 'split' has no pretrained trunk"), noTrunk.err());
        CliTest.Result unknown = mtan("import-weights", "--config", config.toString(), "--from", npz.toString(), "--only", "heads",
                "--out", dir.resolve("b.params").toString());
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.err().contains("--only must be 'trunk', got 'heads'"), unknown.err());
    }
}
