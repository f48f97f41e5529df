package org.mtan4j.datasets.decathlon;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of the devkit's {@code <domain>_test_stripped.json} (COCO-style: {@code "images"} with
 * {@code "id"} and {@code "file_name"}, no annotations), in the file's order: the order of the
 * dataset's {@code test} split, which {@code mtan predict --decathlon-results} pairs with the same file's
 * ids. File names are relative to the devkit's top folder and start with {@code data/} (as
 * {@code data/aircraft/test/...}); the part after it is relative to the dataset's root.
 */
final class TestAnnotations {

    /** The prefix of every devkit file name. */
    static final String PREFIX = "data/";

    private TestAnnotations() {
    }

    /** The devkit's test annotation file of {@code domain}. */
    static Path file(Path annotations, String domain) {
        return annotations.resolve(domain + "_test_stripped.json");
    }

    /**
     * The image files listed by {@code file}, resolved against {@code root}, in the file's order.
     *
     * @throws IOException naming the file when it is not such an annotation file, or naming the images
     *     it lists that are missing (their count and the first few)
     */
    static List<Path> images(Path file, Path root) throws IOException {
        JsonArray images = DevkitJson.array(DevkitJson.readObject(file), "images", file);
        List<Path> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonElement e : images) {
            String name = DevkitJson.string(e.getAsJsonObject(), "file_name", file);
            Path p = root.resolve(name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name);
            if (!Files.isRegularFile(p)) {
                missing.add(p.toString());
            }
            out.add(p);
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": " + missing.size() + " listed test images are missing, e.g. "
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size()))));
        }
        return out;
    }
}
