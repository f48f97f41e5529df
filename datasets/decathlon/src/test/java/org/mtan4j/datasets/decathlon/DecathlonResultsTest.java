package org.mtan4j.datasets.decathlon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.datasets.decathlon.DecathlonResults.Result;

/**
 * The results file on two tiny domains in the devkit layout ({@link DecathlonFixture#devkit}): classes
 * b, a, C have categories first+0, +1, +2, while the labels are the sorted folders C, a, b.
 */
class DecathlonResultsTest {

    @TempDir
    Path root;

    private Path annotations() throws IOException {
        DecathlonFixture.write(root, "cifar100", false);
        DecathlonFixture.write(root, "svhn", false);
        DecathlonFixture.devkit(root, "cifar100", 30_000_001L, 3001, 3);
        DecathlonFixture.devkit(root, "svhn", 80_000_001L, 8001, 2);
        return root.resolve("annotations");
    }

    @Test
    void labelsMapToTheCategoriesOfTheSortedClassFolders() throws IOException {
        Path annotations = annotations();
        // Label 0 = folder C (category 3003), 1 = a (3002), 2 = b (3001).
        assertEquals(List.of(3003L, 3002L, 3001L), DecathlonResults.categoryIds(annotations, "cifar100"));
        try (DecathlonDataset d = new DecathlonDataset(DecathlonOptions.DEFAULTS.withRoot(root.toString()).withDomain("cifar100"))) {
            assertEquals(List.of("C", "a", "b"), d.classes(), "the dataset's labels, in the same order");
        }
    }

    @Test
    void writesOneImageIdAndCategoryIdPerTestImageFieldByField(@TempDir Path out) throws IOException {
        Path annotations = annotations();
        // Test ids are firstImage + 100 + 3 * ((n + 1) % tests) for file t<n>: cifar100 t0, t1, t2 ->
        // 30000104, 30000107, 30000101; svhn t0, t1 -> 80000104, 80000101.
        List<Result> results = new ArrayList<>(DecathlonResults.domain(annotations, "cifar100", new int[] {0, 2, 1}));
        results.addAll(DecathlonResults.domain(annotations, "svhn", new int[] {1, 1}));
        Path file = out.resolve("results.json");
        DecathlonResults.write(file, results, false);

        JsonElement json = JsonParser.parseString(Files.readString(file));
        assertTrue(json.isJsonArray(), "a JSON list");
        JsonArray list = json.getAsJsonArray();
        long[][] expected = {{30_000_104L, 3003}, {30_000_107L, 3001}, {30_000_101L, 3002}, {80_000_104L, 8002}, {80_000_101L, 8002}};
        assertEquals(expected.length, list.size());
        for (int i = 0; i < expected.length; i++) {
            JsonObject entry = list.get(i).getAsJsonObject();
            assertEquals(Set.of("image_id", "category_id"), entry.keySet(), "entry " + i);
            assertTrue(entry.get("image_id").getAsJsonPrimitive().isNumber() && entry.get("category_id").getAsJsonPrimitive().isNumber());
            assertEquals(Long.toString(expected[i][0]), entry.get("image_id").toString(), "an integer image_id, entry " + i);
            assertEquals(Long.toString(expected[i][1]), entry.get("category_id").toString(), "an integer category_id, entry " + i);
        }
        assertEquals(results, DecathlonResults.read(file));
    }

    @Test
    void mergingKeepsOtherDomainsAndReplacesTheSameImages(@TempDir Path out) throws IOException {
        Path annotations = annotations();
        Path file = out.resolve("results.json");
        DecathlonResults.write(file, DecathlonResults.domain(annotations, "svhn", new int[] {0, 0}), false);
        DecathlonResults.write(file, DecathlonResults.domain(annotations, "cifar100", new int[] {0, 0, 0}), true);
        DecathlonResults.write(file, DecathlonResults.domain(annotations, "svhn", new int[] {2, 2}), true);
        List<Result> all = DecathlonResults.read(file);
        assertEquals(List.of(new Result(30_000_104L, 3003), new Result(30_000_107L, 3003), new Result(30_000_101L, 3003),
                new Result(80_000_104L, 8001), new Result(80_000_101L, 8001)), all);
        DecathlonResults.write(file, DecathlonResults.domain(annotations, "svhn", new int[] {1, 1}), false);
        assertEquals(2, DecathlonResults.read(file).size(), "without merge the file is replaced");
    }

    @Test
    void refusesPredictionsThatDoNotFitNamingTheFile() throws IOException {
        Path annotations = annotations();
        IOException count = assertThrows(IOException.class, () -> DecathlonResults.domain(annotations, "svhn", new int[] {0}));
        assertTrue(count.getMessage().contains("svhn_test_stripped.json") && count.getMessage().contains("2 test images"),
                count.getMessage());
        IOException range = assertThrows(IOException.class, () -> DecathlonResults.domain(annotations, "svhn", new int[] {0, 3}));
        assertTrue(range.getMessage().contains("class 3") && range.getMessage().contains("3 classes"), range.getMessage());
        IOException missing = assertThrows(IOException.class, () -> DecathlonResults.domain(annotations, "dtd", new int[] {0}));
        assertTrue(missing.getMessage().contains("dtd_train.json"), missing.getMessage());
        // A class folder with two categories cannot be mapped.
        Path train = annotations.resolve("svhn_train.json");
        Files.writeString(train, Files.readString(train).replaceFirst("\"category_id\": 8001", "\"category_id\": 8003"));
        IOException twice = assertThrows(IOException.class, () -> DecathlonResults.categoryIds(annotations, "svhn"));
        assertTrue(twice.getMessage().contains("class folder 'b' has categories"), twice.getMessage());
    }
}
