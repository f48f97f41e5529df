package org.mtan4j.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.training.EpochEnd;
import org.mtan4j.runtime.training.RunStart;
import org.mtan4j.runtime.training.TrainingListener;

/**
 * A run that fails is marked {@code failed} with the reason in {@code provenance.json}; the folder of a
 * start that failed before any checkpoint is taken again by a new run; a run with a checkpoint is not.
 */
class FailedRunTest {

    /** A disk that fills up when epoch {@code at} (from 0) ends, after the recorder wrote its rows. */
    private record DiskFullAt(int at) implements TrainingListener {
        @Override
        public void onEpochEnd(EpochEnd epoch) {
            if (epoch.epoch() == at) {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            }
        }
    }

    /** A failure while the run starts, after the recorder wrote config.yaml and provenance.json. */
    private static final class FailsAtStart implements TrainingListener {
        @Override
        public void onRunStart(RunStart start) {
            throw new IllegalStateException("the data loader could not start");
        }
    }

    private static JsonNode provenance(Path run) throws Exception {
        return Yaml.json().readTree(run.resolve("provenance.json").toFile());
    }

    @Test
    void aWriteFailureMidRunIsRecordedAsFailedWithItsReason(@TempDir Path dir) throws Exception {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Runs.train(TinyRuns.resolved(), dir, false, List.of(new DiskFullAt(1))));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        JsonNode provenance = provenance(dir.resolve("tiny"));
        assertEquals("failed", provenance.path("status").asText(), provenance.toString());
        assertTrue(provenance.path("failure").asText().contains("No space left on device"), provenance.toString());
        assertTrue(provenance.has("failed"), "when it failed");
        // It has a checkpoint of epoch 1: it is a run to resume, not a failed start to replace.
        assertThrows(RunDirectory.AlreadyExists.class, () -> Runs.train(TinyRuns.resolved(), dir, false, List.of()));
    }

    @Test
    void theFolderOfAFailedStartIsTakenAgain(@TempDir Path dir) throws Exception {
        assertThrows(IllegalStateException.class, () -> Runs.train(TinyRuns.resolved(), dir, false, List.of(new FailsAtStart())));
        Path run = dir.resolve("tiny");
        assertEquals("failed", provenance(run).path("status").asText());
        assertTrue(provenance(run).path("failure").asText().contains("the data loader could not start"));

        Runs.train(TinyRuns.resolved("training.epochs=1"), dir, false, List.of());
        assertEquals("finished", provenance(run).path("status").asText());
        assertFalse(provenance(run).has("failure"), "a new run, not the failed one");
    }

    @Test
    void aFolderHoldingOnlyEmptyFoldersIsTakenAgain(@TempDir Path dir) throws Exception {
        // What a failed start of earlier versions left: an empty checkpoints/.
        Files.createDirectories(dir.resolve("tiny/checkpoints"));
        Runs.train(TinyRuns.resolved("training.epochs=1"), dir, false, List.of());
        assertEquals("finished", provenance(dir.resolve("tiny")).path("status").asText());
    }

    @Test
    void nothingIsWrittenBeforeTheRunStarts(@TempDir Path dir) {
        RunDirectory directory = RunDirectory.create(dir.resolve("tiny"), false);
        assertFalse(Files.exists(directory.root()), "create checks, prepare writes");
    }
}
