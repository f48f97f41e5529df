package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run on a shared cluster needs: results collaborators can read (the process's umask, as any
 * other program's files), a batch log of a few lines per epoch, and --quiet / --verbose.
 */
class BatchUseTest {

    /** The demo shrunk: 32x32 scenes, 4 filters, 8 training samples in batches of 2 (4 steps per epoch). */
    private static final List<String> TINY = List.of("--set", "dataset.options.height=32", "--set", "dataset.options.width=32",
            "--set", "dataset.options.train-size=8", "--set", "dataset.options.val-size=2", "--set", "training.batch-size=2",
            "--set", "backbone.options.filters=[4,4,4,4,4]");

    private static String[] train(Path out, int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("train", "--out", out.toString(), "--set", "training.epochs=" + epochs));
        args.addAll(TINY);
        return args.toArray(String[]::new);
    }

    @Test
    void runDirectoriesAndReportsGetTheModesOfAnyNewFileAndFolder(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain.txt"), "x"));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectories(dir.resolve("plain")));

        CliTest.Result trained = CliTest.mtan(train(dir.resolve("runs"), 1));
        assertEquals(0, trained.code(), trained.err());
        CliTest.Result report = CliTest.mtan("report", "--out", dir.resolve("report").toString(), dir.resolve("runs/demo").toString());
        assertEquals(0, report.code(), report.err());

        List<String> checked = new ArrayList<>();
        for (Path root : List.of(dir.resolve("runs"), dir.resolve("report"))) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    // Under umask 022: rw-r--r-- and rwxr-xr-x, so that collaborators can read the run.
                    assertEquals(Files.isDirectory(p) ? folder : file, Files.getPosixFilePermissions(p), p.toString());
                    checked.add(dir.relativize(p).toString());
                }
            }
        }
        for (String expected : List.of("runs/demo/config.yaml", "runs/demo/provenance.json", "runs/demo/report.md",
                "runs/demo/checkpoints/best.params", "runs/demo/plots/loss.png", "report/report.md", "report/comparison.png")) {
            assertTrue(checked.contains(expected), expected + " in " + checked);
        }
    }

    @Test
    void withoutATerminalProgressIsAFewPlainLinesPerEpoch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        assertEquals(0, MtanProcess.waitFor(MtanProcess.start(out, err, train(dir.resolve("runs"), 3))), MtanProcess.log(err));
        String log = Files.readString(err);
        assertFalse(log.contains("\r"), "no carriage returns in a batch log:\n" + log);
        for (int epoch = 1; epoch <= 3; epoch++) {
            String prefix = "epoch " + epoch + "/3";
            List<String> lines = log.lines().filter(l -> l.startsWith(prefix)).toList();
            // 25%, 50% and 75% of 4 steps, then the summary.
            assertEquals(4, lines.size(), prefix + ":\n" + log);
            assertTrue(lines.get(0).startsWith(prefix + ":  25% (1/4 steps) loss "), lines.get(0));
            assertTrue(lines.get(3).startsWith(prefix + " val: semantic[miou "), lines.get(3));
        }
        assertTrue(log.lines().count() <= 3 * 4 + 4, "a few lines in all:\n" + log);
        assertTrue(log.contains("[INFO] "), "info messages by default:\n" + log);
    }

    @Test
    void quietLeavesOnlyTheResultAndVerboseAddsDebugMessages(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        assertEquals(0, MtanProcess.waitFor(MtanProcess.start(out, err, train(dir.resolve("runs"), 1, "--quiet"))), MtanProcess.log(err));
        assertEquals("", Files.readString(err), "no progress and no info messages");
        assertTrue(Files.readString(out).contains("| semantic | miou"), "the result table still comes: " + Files.readString(out));

        // After the command's name too: the options are inherited by every command.
        assertEquals(0, MtanProcess.waitFor(MtanProcess.start(out, err, "plugins", "--verbose")), MtanProcess.log(err));
        assertTrue(Files.readString(err).contains("[DEBUG] "), MtanProcess.log(err));
        assertEquals(0, MtanProcess.waitFor(MtanProcess.start(out, err, "plugins", "--log-level", "warn")), MtanProcess.log(err));
        assertEquals("", Files.readString(err));
    }
}
