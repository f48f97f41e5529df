package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code mtan bench} prints the documented fields; no timing is asserted (speed lives in the command). */
class BenchCommandTest {

    private static final String[] TINY = {"--set", "dataset.options.height=32", "--set", "dataset.options.width=32",
        "--set", "backbone.options.filters=[4,4,4,4,4]", "--batch", "1", "--steps", "2", "--warmup", "0", "--threads", "1"};

    private static String[] with(String... extra) {
        String[] all = new String[1 + TINY.length + extra.length];
        all[0] = "bench";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(extra, 0, all, 1 + TINY.length, extra.length);
        return all;
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        CliTest.Result r = CliTest.mtan(with("--json", "--height", "64", "--width", "32"));
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, "one JSON object: " + r.out());
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        for (String field : new String[] {"config", "backbone", "weighting", "tasks", "engine", "device", "threads", "native_allocator", "inputs", "batch",
            "height", "width", "steps", "warmup", "engine_start_s", "model_init_s", "parameters", "train", "inference",
            "peak_rss_bytes", "peak_device_memory_bytes", "device_memory_start_bytes", "device_memory_total_bytes", "device_memory_note"}) {
            assertTrue(json.has(field), field + " in " + lines[0]);
        }
        assertTrue(json.get("peak_device_memory_bytes").isNull(), lines[0]);
        assertTrue(json.get("device_memory_note").asText().startsWith("n/a: the device is the CPU"), lines[0]);
        assertEquals(64, json.get("height").asInt());
        assertEquals(32, json.get("width").asInt());
        assertEquals("random", json.get("inputs").asText());
        assertEquals(1, json.get("threads").asInt());
        assertTrue(java.util.List.of("lean", "fast", "default").contains(json.get("native_allocator").asText()), lines[0]);
        assertTrue(json.get("parameters").asLong() > 0);
        for (String mode : new String[] {"train", "inference"}) {
            JsonNode t = json.get(mode);
            for (String field : new String[] {"median_s", "min_s", "max_s", "q1_s", "q3_s", "images_per_s", "steps_s"}) {
                assertTrue(t.has(field), mode + "." + field + " in " + lines[0]);
            }
            assertEquals(2, t.get("steps_s").size());
        }
    }

    @Test
    void textModeAndTrainOnly() {
        CliTest.Result r = CliTest.mtan(with("--mode", "train"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("train     step: median"), r.out());
        assertTrue(!r.out().contains("inference step"), r.out());
        assertTrue(r.out().contains("parameters:") && r.out().contains("peak RSS"), r.out());
        assertTrue(r.out().contains("peak device memory: n/a: the device is the CPU"), r.out());
    }

    @Test
    void sizesThatTheBackboneCannotTakeAreRefused() {
        CliTest.Result r = CliTest.mtan(with("--height", "40"));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("multiples of 32"), r.err());
    }

    @Test
    void badCountsAreUsageErrors() {
        assertEquals(2, CliTest.mtan("bench", "--steps", "0").code());
        assertEquals(2, CliTest.mtan("bench", "--batch", "0").code());
    }

    @Test
    void datasetBatchesWork() {
        CliTest.Result r = CliTest.mtan(with("--data", "--mode", "train", "--set", "dataset.options.train-size=2",
                "--set", "dataset.options.val-size=1", "--json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"inputs\":\"dataset\""), r.out());
    }

    @Test
    void memoryStepsSampleTheResidentSet() throws Exception {
        CliTest.Result r = CliTest.mtan(with("--memory-steps", "4", "--memory-every", "2", "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out().strip());
        assertEquals(2, json.get("memory_steps").size(), r.out());
        assertEquals(2, json.get("memory_steps").get(0).asLong());
        assertEquals(4, json.get("memory_steps").get(1).asLong());
        assertEquals(2, json.get("rss_bytes").size(), r.out());
        assertTrue(json.get("rss_bytes").get(0).asLong() > 0, r.out());
        assertTrue(!json.has("train"), "no timings in memory mode: " + r.out());
    }

    @Test
    void memoryIntervalBeyondTheStepsIsAUsageError() {
        CliTest.Result r = CliTest.mtan("bench", "--memory-steps", "10", "--memory-every", "20");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--memory-every"), r.err());
    }
}
