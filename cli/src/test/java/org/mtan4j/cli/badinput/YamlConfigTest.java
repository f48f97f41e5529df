package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.cli.CliTest;

/** Malformed run configurations given to {@code mtan train} (and {@code validate}): refused before anything is written. */
class YamlConfigTest {

    @TempDir
    Path base;

    /** A case that trains the tiny run with its YAML edited, into the case's own folder. */
    private static Refusals.Case edited(String name, String key, String... replacements) {
        return refuse(name, dir -> {
            Path config = TinyRun.config(dir.resolve("run.yaml"), replacements);
            return mtan("train", config, "--out", dir.resolve("runs")).naming(config, key);
        });
    }

    /** A case that trains from {@code text} written as the config file. */
    private static Refusals.Case file(String name, String text, String... names) {
        return refuse(name, dir -> {
            Path config = dir.resolve("run.yaml");
            Files.writeString(config, text);
            return mtan("train", config, "--out", dir.resolve("runs")).naming(config).naming((Object[]) names);
        });
    }

    @TestFactory
    Stream<DynamicTest> malformedConfigs() {
        return Refusals.tests(base, List.of(
            edited("tab indentation", "line 18", "  epochs: 1", "\tepochs: 1"),
            edited("duplicate top-level key", "seed", "seed: 1", "seed: 1\nseed: 2"),
            edited("duplicate nested key", "epochs", "  epochs: 1", "  epochs: 1\n  epochs: 3"),
            edited("zero epochs", "training.epochs", "epochs: 1", "epochs: 0"),
            edited("negative batch size", "training.batch-size", "batch-size: 2", "batch-size: -2"),
            edited("zero image height", "dataset.options.height", "height: 32", "height: 0"),
            edited("negative image width", "dataset.options.width", "width: 32", "width: -32"),
            edited("zero filters", "backbone.options.filters", "filters: [4, 4, 4, 4, 4]", "filters: [4, 0, 4, 4, 4]"),
            edited("negative filters", "backbone.options.filters", "filters: [4, 4, 4, 4, 4]", "filters: [4, 4, -4, 4, 4]"),
            edited("unknown device tpu", "device", "device: cpu", "device: tpu"),
            edited("device gpu:x", "device", "device: cpu", "device: gpu:x"),
            edited("unknown key", "training.batch-sise", "batch-size: 2", "batch-sise: 2"),
            edited("text where a number belongs", "training.epochs", "epochs: 1", "epochs: one"),
            edited("negative learning rate", "training.optimizer.learning-rate", "learning-rate: 1.0e-3", "learning-rate: -1.0e-3"),
            edited("run name with a slash", "name", "name: tiny", "name: a/b"),
            file("a list instead of a mapping", "- name: tiny\n- seed: 1\n", "mapping"),
            file("unclosed bracket", TinyRun.yaml("[4, 4, 4, 4, 4]", "[4, 4, 4, 4, 4"), "line"),
            file("empty file", "", "dataset"),
            refuse("binary file", dir -> {
                Path config = dir.resolve("run.yaml");
                byte[] bytes = new byte[256];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (i * 37 + 11);
                }
                Files.write(config, bytes);
                return mtan("train", config, "--out", dir.resolve("runs")).naming(config);
            }),
            refuse("config is a folder", dir -> {
                Path config = Files.createDirectory(dir.resolve("run.yaml"));
                return mtan("train", config, "--out", dir.resolve("runs")).naming(config, "folder");
            }),
            refuse("config does not exist", dir -> mtan("train", dir.resolve("absent.yaml"), "--out", dir.resolve("runs"))
                    .naming(dir.resolve("absent.yaml"), "no such file")),
            // Unreadable files, as root can still read a chmod 000 file: a link to nothing, and a FIFO (whose open would block).
            refuse("config is a dangling symlink", dir -> {
                Path config = Files.createSymbolicLink(dir.resolve("run.yaml"), dir.resolve("gone.yaml"));
                return mtan("train", config, "--out", dir.resolve("runs")).naming(config, "link to a missing file");
            }),
            refuse("config is a FIFO", dir -> {
                Path config = dir.resolve("run.yaml");
                assertEquals(0, new ProcessBuilder("mkfifo", config.toString()).start().waitFor());
                return mtan("validate", config).naming(config, "not a regular file");
            }),
            refuse("bad value with --force over an existing run", dir -> {
                Path run = existingRun(dir.resolve("runs"));
                Path config = TinyRun.config(dir.resolve("run.yaml"), "epochs: 1", "epochs: -1");
                return mtan("train", config, "--out", dir.resolve("runs"), "--force").naming(config, "training.epochs").watching(run);
            }),
            refuse("existing run directory without --force", dir -> {
                Path run = existingRun(dir.resolve("runs"));
                Path config = TinyRun.config(dir.resolve("run.yaml"));
                return mtan("train", config, "--out", dir.resolve("runs")).naming(run, "--force").watching(run);
            }),
            refuse("validate: zero eval batch size", dir -> {
                Path config = TinyRun.config(dir.resolve("run.yaml"), "batch-size: 2", "batch-size: 2\n  eval-batch-size: 0");
                return mtan("validate", config).naming(config, "training.eval-batch-size");
            })));
    }

    /** A run directory as training leaves one (its files' content does not matter here). */
    private static Path existingRun(Path runs) throws java.io.IOException {
        Path run = runs.resolve("tiny");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("config.yaml"), TinyRun.yaml());
        Files.write(run.resolve("checkpoints/best.params"), new byte[] {1, 2, 3});
        return run;
    }

    @Test
    void pathsWithSpacesAndNonAsciiCharactersWork(@TempDir Path dir) throws Exception {
        Path place = dir.resolve("dir with spaces").resolve("ünï");
        Path config = TinyRun.config(place.resolve("rün cönfig.yaml"), "name: tiny", "name: tïny rün");
        Path runs = place.resolve("rüns out");
        CliTest.Result r = CliTest.mtan("train", config.toString(), "--out", runs.toString());
        assertEquals(0, r.code(), r.err());
        Path run = runs.resolve("tïny rün");
        assertTrue(Files.isRegularFile(run.resolve("config.yaml")), "run directory " + run);
        assertTrue(r.out().contains(run.toAbsolutePath().toString()), r.out());
        CliTest.Result valid = CliTest.mtan("validate", run.resolve("config.yaml").toString());
        assertEquals(0, valid.code(), valid.err());
    }
}
