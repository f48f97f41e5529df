package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes on real processes: the bundled demo (2 epochs of 50 steps, a resumable checkpoint every 10 steps)
 * killed hard (SIGKILL) in epoch 2 and resumed ends exactly as the run that was never interrupted; SIGTERM
 * leaves a checkpoint of the current step and says how to resume.
 */
class CrashResumeTest {

    private static final String[] DEMO = {"--set", "training.epochs=2", "--set", "training.checkpoint-every-steps=10"};
    private static final Duration LIMIT = MtanProcess.LIMIT;

    @TempDir
    static Path dir;

    private static Path whole;

    @BeforeAll
    static void trainTheDemoInOneGo() throws Exception {
        Process p = mtan(dir.resolve("whole.log"), "train", DEMO[0], DEMO[1], DEMO[2], DEMO[3], "--out", dir.resolve("whole").toString());
        assertEquals(0, waitFor(p), log(dir.resolve("whole.log")));
        whole = dir.resolve("whole/demo");
    }

    @Test
    void aRunKilledInEpochTwoAndResumedEndsAsTheUninterruptedOne() throws Exception {
        Path out = dir.resolve("killed");
        Path run = out.resolve("demo");
        Process p = mtan(dir.resolve("killed.log"), "train", DEMO[0], DEMO[1], DEMO[2], DEMO[3], "--out", out.toString());
        // Epoch 2 is steps 50-99: its first step checkpoint is written after step 60.
        awaitFile(p, run.resolve("checkpoints/step-000000060.ckpt"));
        p.destroyForcibly(); // SIGKILL: no hook, no last checkpoint
        p.waitFor(1, TimeUnit.MINUTES);
        assertFalse(Files.exists(run.resolve("report.md")), "the run did not finish");

        Process resumed = mtan(dir.resolve("resumed.log"), "train", "--resume", run.toString());
        assertEquals(0, waitFor(resumed), log(dir.resolve("resumed.log")));
        assertTrue(log(dir.resolve("resumed.log")).contains("resuming " + run), log(dir.resolve("resumed.log")));
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(run.resolve("metrics.csv")),
                "identical metrics.csv rows");
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last.params")),
                Files.readAllBytes(run.resolve("checkpoints/last.params")), "identical final weights");
    }

    @Test
    void sigtermWritesACheckpointOfTheCurrentStepAndSaysHowToResume() throws Exception {
        Path out = dir.resolve("terminated");
        Path run = out.resolve("demo");
        Process p = mtan(dir.resolve("terminated.log"), "train", DEMO[0], DEMO[1], DEMO[2], DEMO[3], "--out", out.toString());
        awaitFile(p, run.resolve("checkpoints/step-000000010.ckpt"));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES));
        String log = log(dir.resolve("terminated.log"));
        assertTrue(log.contains("resume with: mtan train --resume " + run), log);
        List<Path> checkpoints = checkpoints(run);
        String newest = checkpoints.get(0).getFileName().toString();
        assertFalse(newest.equals("step-000000010.ckpt"), "a checkpoint of the step the signal interrupted: " + checkpoints);

        Process resumed = mtan(dir.resolve("after-term.log"), "train", "--resume", run.toString());
        assertEquals(0, waitFor(resumed), log(dir.resolve("after-term.log")));
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(run.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last.params")),
                Files.readAllBytes(run.resolve("checkpoints/last.params")));
    }

    private static List<Path> checkpoints(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            List<Path> all = new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("step-\\d+\\.ckpt")).toList());
            all.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
            return all;
        }
    }

    private static Process mtan(Path log, String... args) throws IOException {
        return MtanProcess.start(log, args);
    }

    private static int waitFor(Process p) throws InterruptedException {
        return MtanProcess.waitFor(p);
    }

    private static void awaitFile(Process p, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(file)) {
            if (!p.isAlive()) {
                throw new AssertionError("mtan ended (exit " + p.exitValue() + ") before writing " + file);
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("no " + file + " within " + LIMIT);
            }
            Thread.sleep(20);
        }
    }

    private static String log(Path file) throws IOException {
        return MtanProcess.log(file);
    }
}
