package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtan4j.cli.CliTest;

/**
 * The smallest run the suite feeds with bad input: the bundled demo (split SegNet on synthetic scenes)
 * with 4 filters on 4 synthetic 32x32 scenes for one epoch; variants are made by replacing text in its YAML.
 */
final class TinyRun {

    /** The bundled demo shrunk: the YAML every case edits. */
    static final String YAML = shrink(demo(),
            "name: demo", "name: tiny",
            "{height: 96, width: 128, train-size: 400, val-size: 100}", "{height: 32, width: 32, train-size: 4, val-size: 2}",
            "[16, 32, 64, 64, 64]", "[4, 4, 4, 4, 4]",
            "epochs: 10", "epochs: 1",
            "batch-size: 8", "batch-size: 2",
            "  eval-batch-size: 16\n", "");

    private TinyRun() {
    }

    /** {@link #YAML} with each {@code replacements[2i]} replaced by {@code replacements[2i + 1]}. */
    static String yaml(String... replacements) {
        return shrink(YAML, replacements);
    }

    private static String shrink(String yaml, String... replacements) {
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(yaml.contains(replacements[i]), "the tiny run's YAML contains " + replacements[i]);
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        return yaml;
    }

    private static String demo() {
        try (InputStream in = TinyRun.class.getResourceAsStream("/org/mtan4j/cli/demo.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #yaml} to {@code file} (its folders created) and returns it. */
    static Path config(Path file, String... replacements) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml(replacements));
        return file;
    }

    /** Trains the variant into {@code out} and returns its run directory. */
    static Path train(Path out, String... replacements) throws IOException {
        Path config = config(out.resolve("config-source").resolve("run.yaml"), replacements);
        CliTest.Result r = CliTest.mtan("train", config.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String name = yaml(replacements).lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow().substring(6);
        return out.resolve(name);
    }
}
