package org.mtan4j.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writtenFilesGetTheModeOfAnyNewFileOfTheProcess(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain.txt"), "x"));

        AtomicFiles.writeString(dir.resolve("new.txt"), "x");
        Path replaced = Files.writeString(dir.resolve("replaced.txt"), "old");
        AtomicFiles.writeString(replaced, "new");
        AtomicFiles.writeString(dir.resolve("sub/folder/deep.txt"), "x");

        // Under umask 022 that is rw-r--r--: collaborators can read a run's results.
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("new.txt")));
        assertEquals(plain, Files.getPosixFilePermissions(replaced));
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("sub/folder/deep.txt")));
        assertEquals("new", Files.readString(replaced));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file is left");
        }
    }
}
