package org.mtan4j.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.io.Npy;

class InputImagesTest {

    @Test
    void badArraysAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path outside = dir.resolve("outside.npy");
        Npy.write(outside, new float[] {0, 0.5f, 2f}, 1, 1, 3);
        PredictionException e = assertThrows(PredictionException.class, () -> InputImages.read(outside));
        assertTrue(e.getMessage().contains(outside.toString()) && e.getMessage().contains("[0, 1]"), e.getMessage());
        Path text = dir.resolve("text.png");
        Files.writeString(text, "not an image");
        e = assertThrows(PredictionException.class, () -> InputImages.read(text));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path gif = dir.resolve("x.gif");
        Files.writeString(gif, "x");
        assertThrows(PredictionException.class, () -> InputImages.read(gif));
    }
}
