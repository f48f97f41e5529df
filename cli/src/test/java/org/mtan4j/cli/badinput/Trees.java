package org.mtan4j.cli.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and deletes folder trees, to damage a copy of a good fixture. */
final class Trees {

    private Trees() {
    }

    /** Changes a copy of a good fixture; returns the path at fault, which the message must name. */
    @FunctionalInterface
    interface Damage {
        Path apply(Path copy) throws Exception;
    }

    /** Copies {@code from} (a file or a folder tree) to {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        return to;
    }

    /** Deletes {@code path} and all it holds (links themselves, not their targets); returns it. */
    static Path delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return path;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return path;
    }
}
