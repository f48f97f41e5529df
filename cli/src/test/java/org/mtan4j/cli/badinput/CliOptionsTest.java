package org.mtan4j.cli.badinput;

import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Malformed command lines: unknown or incomplete options and bad {@code --set} / {@code --device} values. */
class CliOptionsTest {

    @TempDir
    Path base;

    /** {@code mtan train} of the tiny run with extra arguments; the message must name {@code names}. */
    private static Refusals.Case train(String name, List<String> extra, String... names) {
        return refuse(name, dir -> {
            Path config = TinyRun.config(dir.resolve("run.yaml"));
            List<Object> args = new java.util.ArrayList<>(List.of("train", config, "--out", dir.resolve("runs")));
            args.addAll(extra);
            return mtan(args.toArray()).naming((Object[]) names);
        });
    }

    @TestFactory
    Stream<DynamicTest> malformedCommandLines() {
        return Refusals.tests(base, List.of(
            train("unknown option", List.of("--no-such-option"), "--no-such-option"),
            refuse("missing option value", dir -> mtan("train", TinyRun.config(dir.resolve("run.yaml")), "--out").naming("--out")),
            train("non-numeric --set", List.of("--set", "training.epochs=abc"), "training.epochs", "whole number, got 'abc'"),
            train("fractional --set for a whole number", List.of("--set", "training.epochs=1.5"), "training.epochs"),
            train("--set of an unknown key", List.of("--set", "training.epoch=3"), "--set training.epoch=3", "training.epoch",
                    "did you mean 'epochs'"),
            train("--set of a mistyped plugin", List.of("--set", "backbone.name=splt"), "--set backbone.name=splt", "did you mean 'split'"),
            train("--set of a mistyped plugin option", List.of("--set", "backbone.options.filtrs=[4,4,4,4,4]"),
                    "--set backbone.options.filtrs", "did you mean 'filters'"),
            refuse("mistyped plugin in the YAML", dir -> mtan("train", TinyRun.config(dir.resolve("run.yaml"), "name: split", "name: splt"),
                    "--out", dir.resolve("runs"), "--set", "training.epochs=2").naming("run.yaml: backbone.name", "did you mean 'split'")),
            train("--set without '='", List.of("--set", "training.epochs"), "--set", "training.epochs", "key.path=value"),
            train("--set inside a scalar", List.of("--set", "seed.value=3"), "--set", "seed"),
            train("--set of a negative size", List.of("--set", "dataset.options.height=-32"), "dataset.options.height"),
            train("--set of a task the dataset lacks", List.of("--set", "tasks.edges.head=segnet-depth"), "tasks.edges"),
            train("--device tpu", List.of("--device", "tpu"), "device", "tpu"),
            train("--device gpu:x", List.of("--device", "gpu:x"), "device", "gpu:x"),
            train("--device listing a GPU twice", List.of("--device", "gpu:0,gpu:0"), "device", "twice"),
            train("two config files", List.of("second.yaml"), "second.yaml"),
            refuse("unknown command", dir -> mtan("trian").naming("unknown command 'trian'", "did you mean 'train'")),
            refuse("unknown command of data", dir -> mtan("data", "chek").naming("'chek'", "did you mean 'check'")),
            refuse("mistyped option", dir -> mtan("train", TinyRun.config(dir.resolve("run.yaml")), "--outt", dir.resolve("runs"))
                    .naming("--outt", "did you mean '--out'")),
            refuse("no command", dir -> mtan().naming("missing a command", "train", "report")),
            refuse("data without its command", dir -> mtan("data").naming("missing a command", "check")),
            refuse("--quiet with --verbose", dir -> mtan("--quiet", "plugins", "--verbose").naming("--quiet", "--verbose")),
            refuse("unknown --log-level", dir -> mtan("plugins", "--log-level", "loud").naming("--log-level", "loud")),
            refuse("data check of an unknown dataset", dir -> mtan("data", "check", "nyuv3", "--root", dir)
                    .naming("unknown dataset 'nyuv3'", "did you mean 'nyuv2'")),
            refuse("data bench of an unknown dataset", dir -> mtan("data", "bench", "nyu", "--root", dir).naming("unknown dataset 'nyu'")),
            refuse("completion for an unknown shell", dir -> mtan("completion", "fish").naming("fish", "bash")),
            refuse("predict without --input", dir -> mtan("predict", "--run", dir, "--out", dir.resolve("out")).naming("--input")),
            refuse("weights command given both --config and --run", dir -> mtan("export-weights", "--config",
                    TinyRun.config(dir.resolve("run.yaml")), "--run", dir, "--out", dir.resolve("w.npz")).naming("--config", "--run"))));
    }
}
