package org.mtan4j.datasets.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImageFolder's class and file order, the extension rules and ToTensor + Normalize. */
class ImageFoldersTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "");
    }

    @Test
    void classFoldersAreSubFoldersInCodePointOrder() throws IOException {
        touch("b/1.jpg");
        touch("a/1.jpg");
        touch("C/1.jpg");
        touch("not-a-class.jpg");
        assertEquals(List.of("C", "a", "b"), ImageFolders.classFolders(root));
        IOException e = assertThrows(IOException.class, () -> ImageFolders.classFolders(root.resolve("none")));
        assertTrue(e.getMessage().contains(root.resolve("none") + ": missing"), e.getMessage());
    }

    @Test
    void theDeclaredClassCountIsTheFoldersWhenThereAreTwoOrMore() throws IOException {
        assertEquals(31, ImageFolders.declaredClasses(root.resolve("none"), 31), "no folder: the published count");
        touch("only/1.jpg");
        assertEquals(31, ImageFolders.declaredClasses(root, 31), "one class: opening refuses it; the published count");
        touch("other/1.jpg");
        assertEquals(2, ImageFolders.declaredClasses(root, 31));
    }

    @Test
    void imagesAreListedByFolderThenNameAndOtherFilesIgnored() throws IOException {
        Path b = touch("x/b.PNG");
        Path a = touch("x/a.jpg");
        Path nested = touch("x/sub/0.jpeg");
        touch("x/notes.txt");
        assertEquals(List.of(a, b, nested), ImageFolders.images(root.resolve("x")));
        assertTrue(ImageFolders.hasExtension(b, ImageFolders.READABLE), "case does not matter");
        assertFalse(ImageFolders.hasExtension(Path.of("y.webp"), ImageFolders.READABLE), "listed by ImageFolder, not readable here");
        assertTrue(ImageFolders.hasExtension(Path.of("y.webp"), ImageFolders.IMAGE_EXTENSIONS));
    }

    @Test
    void normalisesInterleavedRgbToChannelPlanes() {
        // Two pixels: (255, 0, 51) and (0, 255, 102).
        float[] chw = ImageFolders.normalisedChw(new int[] {255, 0, 51, 0, 255, 102}, new float[] {0.5f, 0f, 0.2f},
                new float[] {0.5f, 1f, 0.2f});
        assertArrayEquals(new float[] {1f, -1f, 0f, 1f, 0f, 1f}, chw, 1e-6f);
    }
}
