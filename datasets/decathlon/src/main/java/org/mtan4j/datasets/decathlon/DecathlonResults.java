package org.mtan4j.datasets.decathlon;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Visual Decathlon challenge's results file: a JSON list, COCO style, of one
 * {@code {"image_id": <int>, "category_id": <int>}} per test image, with the ids of the devkit's
 * annotation files ({@code decathlon-1.0/annotations}).
 *
 * <ul>
 *   <li>{@code image_id}: the {@code "id"} of the image in {@code <domain>_test_stripped.json}'s
 *       {@code "images"}; predictions are given in that list's order, which is the order of the
 *       dataset's {@code test} split;</li>
 *   <li>{@code category_id}: the devkit category of the predicted class. A model's class index is the
 *       dataset's label: the position of the image's class folder among the domain's class folders in
 *       sorted order ({@link DecathlonDataset}). The folder of each category is read from
 *       {@code <domain>_train.json}, whose {@code file_name}s are {@code data/<domain>/train/<folder>/...}
 *       and whose {@code "annotations"} give each image's {@code category_id}; so label {@code k} is the
 *       category of the {@code k}-th folder in the same sorted order.</li>
 * </ul>
 * Nothing is guessed: a folder with two categories, a category the test file does not list, a class
 * index out of range or a count that differs from the test file's is an error naming the file.
 */
public final class DecathlonResults {

    private DecathlonResults() {
    }

    /**
     * One line of the results file.
     *
     * @param imageId the devkit's image id
     * @param categoryId the devkit's category id
     */
    public record Result(long imageId, long categoryId) {
    }

    /**
     * The devkit category id of each label of {@code domain}, in label order (the sorted class folders).
     *
     * @param annotations the devkit's {@code annotations} folder
     * @throws IOException naming {@code <domain>_train.json} when it is missing or does not give one
     *     category per class folder
     */
    public static List<Long> categoryIds(Path annotations, String domain) throws IOException {
        Path file = annotations.resolve(domain + "_train.json");
        JsonObject json = DevkitJson.readObject(file);
        Map<Long, String> folderOfImage = new HashMap<>();
        String prefix = TestAnnotations.PREFIX + domain + "/train/";
        for (JsonElement e : DevkitJson.array(json, "images", file)) {
            JsonObject image = e.getAsJsonObject();
            String name = DevkitJson.string(image, "file_name", file);
            int slash = name.indexOf('/', prefix.length());
            if (!name.startsWith(prefix) || slash < 0) {
                throw new IOException(file + ": file_name '" + name + "' is not " + prefix + "<class folder>/<image>");
            }
            folderOfImage.put(DevkitJson.number(image, "id", file), name.substring(prefix.length(), slash));
        }
        // Natural String order, as DecathlonDataset sorts the class folders.
        Map<String, Long> categoryOfFolder = new TreeMap<>();
        for (JsonElement e : DevkitJson.array(json, "annotations", file)) {
            JsonObject annotation = e.getAsJsonObject();
            long image = DevkitJson.number(annotation, "image_id", file);
            String folder = folderOfImage.get(image);
            if (folder == null) {
                throw new IOException(file + ": an annotation names image " + image + ", which \"images\" does not list");
            }
            long category = DevkitJson.number(annotation, "category_id", file);
            Long before = categoryOfFolder.putIfAbsent(folder, category);
            if (before != null && before != category) {
                throw new IOException(file + ": class folder '" + folder + "' has categories " + before + " and " + category);
            }
        }
        if (categoryOfFolder.isEmpty()) {
            throw new IOException(file + ": no annotations, so no category per class folder");
        }
        return List.copyOf(categoryOfFolder.values());
    }

    /**
     * The results of one domain.
     *
     * @param annotations the devkit's {@code annotations} folder
     * @param domain the domain (its folder and annotation file name, e.g. {@code aircraft})
     * @param predictions the predicted class index of each image of {@code <domain>_test_stripped.json},
     *     in that file's order
     * @throws IOException naming the annotation file when the predictions do not fit it
     */
    public static List<Result> domain(Path annotations, String domain, int[] predictions) throws IOException {
        List<Long> categories = categoryIds(annotations, domain);
        Path file = TestAnnotations.file(annotations, domain);
        JsonObject json = DevkitJson.readObject(file);
        JsonArray images = DevkitJson.array(json, "images", file);
        if (images.size() != predictions.length) {
            throw new IOException(file + ": lists " + images.size() + " test images, but there are " + predictions.length
                    + " predictions for " + domain);
        }
        if (json.has("categories")) {
            Set<Long> listed = new HashSet<>();
            for (JsonElement e : DevkitJson.array(json, "categories", file)) {
                listed.add(DevkitJson.number(e.getAsJsonObject(), "id", file));
            }
            for (long c : categories) {
                if (!listed.contains(c)) {
                    throw new IOException(file + ": category " + c + " (from " + domain + "_train.json) is not among its categories");
                }
            }
        }
        List<Result> out = new ArrayList<>(predictions.length);
        for (int i = 0; i < predictions.length; i++) {
            int label = predictions[i];
            if (label < 0 || label >= categories.size()) {
                throw new IOException("prediction " + i + " of " + domain + " is class " + label + "; " + domain + " has "
                        + categories.size() + " classes (" + file + ")");
            }
            out.add(new Result(DevkitJson.number(images.get(i).getAsJsonObject(), "id", file), categories.get(label)));
        }
        return out;
    }

    /**
     * Writes {@code results} as the challenge's JSON list, atomically.
     *
     * @param merge keep the entries of an existing {@code out} whose image ids {@code results} does not
     *     have (results of other domains, from other runs); otherwise an existing file is replaced
     * @throws IOException naming {@code out} when it cannot be written, or is not a results list when merging
     */
    public static void write(Path out, List<Result> results, boolean merge) throws IOException {
        List<Result> all = new ArrayList<>();
        if (merge && Files.exists(out)) {
            Set<Long> replaced = new HashSet<>();
            results.forEach(r -> replaced.add(r.imageId()));
            for (Result r : read(out)) {
                if (!replaced.contains(r.imageId())) {
                    all.add(r);
                }
            }
        }
        all.addAll(results);
        JsonArray list = new JsonArray();
        for (Result r : all) {
            JsonObject o = new JsonObject();
            o.addProperty("image_id", r.imageId());
            o.addProperty("category_id", r.categoryId());
            list.add(o);
        }
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(list.toString());
            }
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a results file.
     *
     * @throws IOException naming the file when it is not a list of {@code image_id} / {@code category_id}
     */
    public static List<Result> read(Path file) throws IOException {
        JsonElement json = DevkitJson.parse(file);
        if (!json.isJsonArray()) {
            throw new IOException(file + ": not a decathlon results file (a JSON list)");
        }
        List<Result> out = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw new IOException(file + ": entry " + out.size() + " is not an object");
            }
            out.add(new Result(DevkitJson.number(e.getAsJsonObject(), "image_id", file), DevkitJson.number(e.getAsJsonObject(), "category_id", file)));
        }
        return out;
    }
}
