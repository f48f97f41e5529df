package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.mtan4j.cli.CliTest;
import org.mtan4j.cli.ExitCodes;

/**
 * The case table every bad-input class uses. A case prepares its files in a fresh folder of its own and
 * returns an {@link Invocation}; the check runs {@code mtan} in-process and asserts: exit code
 * {@link ExitCodes#USAGE}, a message on stderr naming every expected substring (the file, the key or
 * entry), no stack trace, no line longer than {@value #MAX_LINE} characters, and every watched folder (the
 * case's own folder always) unchanged.
 */
final class Refusals {

    /** The longest line a message may have. */
    static final int MAX_LINE = 1500;

    private Refusals() {
    }

    /** Prepares one case in {@code dir} (empty, its own) and says how to run it. */
    @FunctionalInterface
    interface Setup {
        Invocation prepare(Path dir) throws Exception;
    }

    /** A named malformed input. */
    record Case(String name, Setup setup) {
    }

    /**
     * One command line, the substrings its message must hold, and the folders besides the case's own that
     * must not change (shared fixtures such as a trained run directory).
     */
    record Invocation(List<String> args, List<String> names, List<Path> watched) {

        /** Runs {@code mtan args}; paths are turned into strings. */
        static Invocation mtan(Object... args) {
            return new Invocation(Arrays.stream(args).map(Object::toString).toList(), List.of(), List.of());
        }

        /** The message must contain each of {@code parts} (file names, key paths, entry names). */
        Invocation naming(Object... parts) {
            List<String> all = new ArrayList<>(names);
            Arrays.stream(parts).map(Object::toString).forEach(all::add);
            return new Invocation(args, all, watched);
        }

        /** These folders or files must stay byte-identical too. */
        Invocation watching(Path... more) {
            List<Path> all = new ArrayList<>(watched);
            all.addAll(List.of(more));
            return new Invocation(args, names, all);
        }
    }

    /** A case. */
    static Case refuse(String name, Setup setup) {
        return new Case(name, setup);
    }

    /** One dynamic test per case, each in its own folder under {@code base}; names must be distinct. */
    static Stream<DynamicTest> tests(Path base, List<Case> cases) {
        assertEquals(cases.size(), new HashSet<>(cases.stream().map(Case::name).toList()).size(), "case names are distinct");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(base, c)));
    }

    private static void check(Path base, Case c) throws Exception {
        Path dir = Files.createDirectories(base.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        Invocation run = c.setup().prepare(dir);
        List<Path> watched = new ArrayList<>(run.watched());
        watched.add(dir);
        Map<Path, Map<String, String>> before = new LinkedHashMap<>();
        watched.forEach(p -> before.put(p, Snapshot.of(p)));

        CliTest.Result r = CliTest.mtan(run.args().toArray(new String[0]));

        String what = c.name() + ": mtan " + String.join(" ", run.args()) + "\nstdout: " + r.out() + "\nstderr: " + r.err();
        assertEquals(ExitCodes.USAGE, r.code(), what);
        assertTrue(r.err().startsWith("mtan: "), "one message first: " + what);
        for (String name : run.names()) {
            assertTrue(r.err().contains(name), "names '" + name + "': " + what);
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace or exception name: " + what);
        // Long lists are cut to their first entries: a 300-name list is no message.
        assertTrue(r.err().lines().allMatch(l -> l.length() <= MAX_LINE), "no line over " + MAX_LINE + " characters: " + what);
        for (Path p : watched) {
            assertEquals(before.get(p), Snapshot.of(p), "nothing written or changed under " + p + ": " + what);
        }
    }
}
