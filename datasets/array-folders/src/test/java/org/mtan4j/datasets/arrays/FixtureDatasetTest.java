package org.mtan4j.datasets.arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;

/**
 * Base of a folder-of-arrays dataset's tests: DJL offline, a {@code 32 x 64} fixture written to a fresh
 * folder and a manager per test, and the check that bad input fails naming its file.
 *
 * @param <O> the dataset's options
 */
public abstract class FixtureDatasetTest<O> {

    static {
        // Before any engine starts: DJL must not reach the network.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The fixture's height. */
    protected static final int H = 32;
    /** The fixture's width. */
    protected static final int W = 64;

    /** The fixture's folder, fresh per test. */
    @TempDir
    protected Path root;
    /** The test's manager, closed after it. */
    protected NDManager manager;

    /** Writes the dataset's {@code H x W} fixture under {@link #root}. */
    protected abstract void writeFixture() throws IOException;

    /** The provider under test. */
    protected abstract DatasetProvider<O> provider();

    @BeforeEach
    protected void writeFixtureAndOpenManager() throws IOException {
        writeFixture();
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    protected void closeManager() {
        manager.close();
    }

    /** Reading training sample 1 under {@code options} fails naming {@code file} and saying {@code expected}. */
    protected final void assertGetFails(O options, Path file, String expected) {
        assertFails(file, expected, () -> {
            try (MultiTaskDataset d = provider().open(options)) {
                d.get(manager, "train", 1, 0L);
            }
        });
    }

    /** Opening the dataset under {@code options} fails naming {@code file} and saying {@code expected}. */
    protected final void assertOpenFails(O options, Path file, String expected) {
        assertFails(file, expected, () -> provider().open(options));
    }

    private static void assertFails(Path file, String expected, Executable action) {
        IOException e = assertThrows(IOException.class, action);
        assertTrue(e.getMessage().startsWith(file.toString()), "names " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says '" + expected + "': " + e.getMessage());
    }
}
