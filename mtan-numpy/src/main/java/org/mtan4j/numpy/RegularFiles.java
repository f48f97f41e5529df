package org.mtan4j.numpy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a path is a regular file before it is opened: opening a FIFO waits for a writer forever,
 * and "no such file" misleads when the path is a folder or a link to nothing.
 */
public final class RegularFiles {

    private RegularFiles() {
    }

    /**
     * Why {@code path} cannot be read as a file: {@code "no such file"}, {@code "a folder, not a file"},
     * {@code "a link to a missing file"} or {@code "not a regular file (a FIFO, socket or device)"}; null
     * when it is a regular file (or a link to one).
     */
    public static String problem(Path path) {
        if (Files.isRegularFile(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "a folder, not a file";
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return "a link to a missing file";
        }
        return Files.exists(path) ? "not a regular file (a FIFO, socket or device)" : "no such file";
    }

    /**
     * Refuses anything but a regular file.
     *
     * @throws IOException {@code "<path>: <problem>"}
     */
    public static void require(Path path) throws IOException {
        String problem = problem(path);
        if (problem != null) {
            throw new IOException(path + ": " + problem);
        }
    }
}
