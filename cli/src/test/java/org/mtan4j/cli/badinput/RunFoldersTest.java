package org.mtan4j.cli.badinput;

import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Run directories and baselines given to {@code mtan report}: nothing is written into --out before all are read. */
class RunFoldersTest {

    @TempDir
    static Path shared;

    @TempDir
    Path base;

    private static Path run;

    @BeforeAll
    static void trainATinyRun() throws IOException {
        run = TinyRun.train(shared.resolve("runs"));
    }

    /** {@code mtan report} of {@code args}, its --out inside the case's folder. */
    private static Refusals.Invocation report(Path dir, Object... args) {
        List<Object> all = new java.util.ArrayList<>(List.of("report", "--out", dir.resolve("report")));
        all.addAll(List.of(args));
        return mtan(all.toArray()).watching(run);
    }

    @TestFactory
    Stream<DynamicTest> badRunFolders() {
        return Refusals.tests(base, List.of(
            refuse("a folder that holds no run", dir -> report(dir, Files.createDirectories(dir.resolve("empty")))
                    .naming("empty is not a run directory", "config.yaml")),
            refuse("a folder that does not exist", dir -> report(dir, dir.resolve("absent")).naming("absent")),
            refuse("a file instead of a folder", dir -> report(dir, Files.writeString(dir.resolve("notes.txt"), "x")).naming("notes.txt")),
            refuse("metrics.csv with another header", dir -> {
                Path copy = Trees.copy(run, dir.resolve("run"));
                Files.writeString(copy.resolve("metrics.csv"), "step,loss\n1,0.5\n");
                return report(dir, copy).naming("metrics.csv");
            }),
            refuse("a baseline for a task no run has", dir -> report(dir, "--baseline", "edges=" + run, run)
                    .naming("--baseline edges=", "no run being reported has a task 'edges'", "semantic, depth, normal")),
            refuse("a mistyped baseline task", dir -> report(dir, "--baseline", "semantc=" + run, run)
                    .naming("'semantc'", "did you mean 'semantic'")),
            refuse("a baseline folder that holds no run", dir -> report(dir, "--baseline",
                    "depth=" + Files.createDirectories(dir.resolve("empty")), run).naming("--baseline depth=", "empty is not a run directory"))));
    }
}
