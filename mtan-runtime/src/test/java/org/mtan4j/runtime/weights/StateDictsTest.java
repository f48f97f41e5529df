package org.mtan4j.runtime.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.NpyArray;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.Npz;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.TinyRuns;

/**
 * Import, export and checkpoints on the tiny split run (narrow filters, 32x64): the input state_dicts
 * are the model's own names and shapes filled with random values.
 */
class StateDictsTest {

    @BeforeAll
    static void offline() {
        Engines.markOffline();
    }

    /** The model's entries with random values (running variances kept positive), as an .npz. */
    private static Map<String, NpyArray> randomStateDict(RunModel model, long seed) {
        Random random = new Random(seed);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        StateDicts.arrays(model.stateDictNames()).forEach((name, a) -> {
            float[] values = new float[a.data().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = name.endsWith("running_var") ? 0.5f + random.nextFloat() : (float) random.nextGaussian();
            }
            out.put(name, new NpyArray(name, NpyDType.FLOAT32, a.shape(), values));
        });
        return out;
    }

    /** Entry names and raw .npy bytes, in archive order. */
    private static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    private static void assertSameEntries(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = entries(expected);
        Map<String, byte[]> got = entries(actual);
        assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(got.keySet()), "entry names and order");
        want.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
    }

    @Test
    void importThenExportGivesTheInputBackBitForBit(@TempDir Path dir) throws IOException {
        ResolvedRun run = TinyRuns.resolved("weighting=uncertainty");
        Path input = dir.resolve("input.npz");
        try (RunModel model = RunModel.build(run)) {
            Map<String, NpyArray> state = randomStateDict(model, 7);
            assertEquals("logsigma", state.keySet().iterator().next(), "logsigma first, as in the reference");
            Npz.write(input, state, false);
        }
        Path exported = dir.resolve("exported.npz");
        Path checkpoint = dir.resolve("model.params");
        try (RunModel model = RunModel.build(run)) {
            ImportReport report = model.importStateDict(input);
            assertEquals(entries(input).size(), report.loaded());
            model.exportStateDict(exported);
            model.saveCheckpoint(checkpoint);
        }
        assertSameEntries(input, exported);
        // Through the DJL checkpoint and back: still the same bytes.
        Path again = dir.resolve("again.npz");
        try (RunModel model = RunModel.build(run)) {
            model.loadCheckpoint(checkpoint);
            model.exportStateDict(again);
        }
        assertSameEntries(input, again);
    }

    @Test
    void countersAreIgnoredAndLogSigmaIsSkippedWithANoteWithoutUncertainty(@TempDir Path dir) throws IOException {
        ResolvedRun run = TinyRuns.resolved();
        Path input = dir.resolve("input.npz");
        try (RunModel model = RunModel.build(run)) {
            Map<String, NpyArray> state = new LinkedHashMap<>();
            state.put("logsigma", new NpyArray("logsigma", NpyDType.FLOAT32, new int[] {3}, new float[] {-0.5f, -0.5f, -0.5f}));
            state.putAll(randomStateDict(model, 3));
            state.put("encoder_block.0.1.num_batches_tracked", new NpyArray("n", NpyDType.FLOAT32, new int[0], new float[] {12}));
            Npz.write(input, state, true);
            ImportReport report = model.importStateDict(input);
            assertEquals(1, report.ignoredCounters());
            assertEquals(state.size() - 2, report.loaded());
            assertTrue(report.notes().stream().anyMatch(n -> n.contains("'logsigma'")), report.notes().toString());
            Path exported = dir.resolve("out.npz");
            model.exportStateDict(exported);
            assertFalse(entries(exported).containsKey("logsigma.npy"));
            assertEquals(state.size() - 2, entries(exported).size());
        }
    }

    @Test
    void aFileThatDoesNotFitIsRefusedListingEveryProblem(@TempDir Path dir) throws IOException {
        ResolvedRun run = TinyRuns.resolved();
        Path input = dir.resolve("bad.npz");
        try (RunModel model = RunModel.build(run)) {
            Map<String, NpyArray> state = randomStateDict(model, 5);
            List<String> names = new ArrayList<>(state.keySet());
            String missing1 = names.get(2);
            String missing2 = names.get(names.size() - 1);
            String reshaped = names.get(0);
            state.remove(missing1);
            state.remove(missing2);
            NpyArray first = state.get(reshaped);
            state.put(reshaped, new NpyArray(reshaped, NpyDType.FLOAT32, new int[] {first.data().length}, first.data()));
            state.put("decoder_block.9.weight", new NpyArray("x", NpyDType.FLOAT32, new int[] {2}, new float[2]));
            Npz.write(input, state, false);
            float before = model.stateDictNames().entries().get(names.get(1)).getArray().toFloatArray()[0];

            WeightsException e = assertThrows(WeightsException.class, () -> model.importStateDict(input));
            String message = e.getMessage();
            for (String expected : List.of(input.toString(), "2 missing", missing1, missing2, "1 unexpected",
                    "decoder_block.9.weight", "1 wrong shape", reshaped)) {
                assertTrue(message.contains(expected), expected + " in: " + message);
            }
            // Nothing was loaded.
            assertEquals(before, model.stateDictNames().entries().get(names.get(1)).getArray().toFloatArray()[0]);
        }
    }

    @Test
    void aCheckpointOfAnotherModelIsRefused(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("wide.params");
        try (RunModel model = RunModel.build(TinyRuns.resolved("backbone.options.filters=[4, 8, 8, 8, 16]"))) {
            model.saveCheckpoint(checkpoint);
        }
        try (RunModel model = RunModel.build(TinyRuns.resolved())) {
            WeightsException e = assertThrows(WeightsException.class, () -> model.loadCheckpoint(checkpoint));
            assertTrue(e.getMessage().contains(checkpoint.toString()), e.getMessage());
            assertThrows(WeightsException.class, () -> model.loadCheckpoint(dir.resolve("absent.params")));
        }
    }

    @Test
    void logSigmaSitsWithTheRootModulesOwnParametersAsInTheReference() {
        try (RunModel model = RunModel.build(TinyRuns.resolved("weighting=uncertainty", "backbone.name=cross-stitch"))) {
            List<String> names = new ArrayList<>(model.stateDictNames().entries().keySet());
            assertEquals(List.of("cs_unit_encoder", "cs_unit_decoder", "logsigma"), names.subList(0, 3));
        }
        try (RunModel model = RunModel.build(TinyRuns.resolved("weighting=uncertainty", "backbone.name=mtan"))) {
            assertEquals("logsigma", model.stateDictNames().entries().keySet().iterator().next());
            assertTrue(model.stateDictNames().logSigmaMapped());
        }
    }

    @Test
    void aTrunkAloneLoadsUnderItsNamesIgnoringOtherEntriesAndABackboneWithoutOneIsRefused(@TempDir Path dir) throws IOException {
        try (RunModel model = RunModel.build(TinyRuns.resolved())) {
            Path any = dir.resolve("any.npz");
            WeightsException refused = assertThrows(WeightsException.class, () -> model.importTrunk(any));
            assertTrue(refused.getMessage().contains("backbone 'split' has no pretrained trunk"), refused.getMessage());

            // A stand-in trunk: the model's first two entries under torchvision-like names.
            List<Map.Entry<String, ai.djl.nn.Parameter>> entries = new ArrayList<>(model.stateDictNames().entries().entrySet());
            Map<String, ai.djl.nn.Parameter> trunk = new LinkedHashMap<>();
            trunk.put("conv1.weight", entries.get(0).getValue());
            trunk.put("bn1.weight", entries.get(1).getValue());
            Map<String, NpyArray> all = randomStateDict(model, 13);
            Map<String, NpyArray> file = new LinkedHashMap<>();
            file.put("conv1.weight", all.get(entries.get(0).getKey()));
            file.put("bn1.weight", all.get(entries.get(1).getKey()));
            file.put("fc.weight", new NpyArray("fc", NpyDType.FLOAT32, new int[] {2, 2}, new float[4]));
            file.put("bn1.num_batches_tracked", new NpyArray("n", NpyDType.INT64, new int[0], new float[] {3}));
            Path npz = dir.resolve("trunk.npz");
            Npz.write(npz, file, false);
            float[] otherBefore = entries.get(2).getValue().getArray().toFloatArray();

            ImportReport report = StateDicts.loadTrunk(npz, trunk);
            assertEquals(2, report.loaded());
            assertEquals(1, report.ignoredCounters());
            assertTrue(report.notes().contains("2 entries that are not trunk parameters ignored: fc.weight, bn1.num_batches_tracked"),
                    report.notes().toString());
            assertArrayEquals(file.get("conv1.weight").data(), entries.get(0).getValue().getArray().toFloatArray());
            assertArrayEquals(file.get("bn1.weight").data(), entries.get(1).getValue().getArray().toFloatArray());
            assertArrayEquals(otherBefore, entries.get(2).getValue().getArray().toFloatArray(), "not in the trunk: untouched");

            file.remove("bn1.weight");
            Npz.write(npz, file, false);
            WeightsException missing = assertThrows(WeightsException.class, () -> StateDicts.loadTrunk(npz, trunk));
            assertTrue(missing.getMessage().contains("1 missing: bn1.weight") && !missing.getMessage().contains("fc.weight"),
                    missing.getMessage());
        }
    }
}
