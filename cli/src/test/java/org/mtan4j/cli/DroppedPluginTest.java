package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weighting in a jar that is not on the class path is found through mtan.plugin.path and usable from YAML. */
class DroppedPluginTest {

    private static final String SOURCE = String.join("\n",
            "package org.example;",
            "import ai.djl.ndarray.*;",
            "import java.util.*;",
            "import org.mtan4j.api.*;",
            "import org.mtan4j.api.nd.Scalars;",
            "public final class HalfDepthProvider implements WeightingProvider<NoOptions> {",
            "  public String name() { return \"half-depth\"; }",
            "  public String description() { return \"Depth weighs half.\"; }",
            "  public Class<NoOptions> optionsType() { return NoOptions.class; }",
            "  public NoOptions defaultOptions() { return NoOptions.INSTANCE; }",
            "  public Weighting create(NoOptions o, List<TaskSpec> tasks) {",
            "    double[] w = tasks.stream().mapToDouble(t -> t.kind() == TaskKind.DEPTH ? 0.5 : 1).toArray();",
            "    return new Weighting() {",
            "      public NDArray combine(NDList losses, WeightingContext c) {",
            "        NDArray total = Scalars.mul(losses.get(0), w[0]);",
            "        for (int i = 1; i < losses.size(); i++) total = total.add(Scalars.mul(losses.get(i), w[i]));",
            "        return total;",
            "      }",
            "      public double[] taskWeights() { return w.clone(); }",
            "    };",
            "  }",
            "}",
            "");

    @Test
    void aJarOnThePluginPathIsListedAndTrains(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/org/example/HalfDepthProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, compiled, "the example plugin compiles");
        Path jar = dir.resolve("plugins/half-depth.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            try (java.util.stream.Stream<Path> files = Files.list(classes.resolve("org/example"))) {
                for (Path type : files.toList()) {
                    out.putNextEntry(new JarEntry("org/example/" + type.getFileName()));
                    out.write(Files.readAllBytes(type));
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.mtan4j.api.WeightingProvider"));
            out.write("org.example.HalfDepthProvider\n".getBytes(StandardCharsets.UTF_8));
        }
        String previous = System.getProperty("mtan.plugin.path");
        System.setProperty("mtan.plugin.path", jar.getParent().toString());
        try {
            CliTest.Result plugins = CliTest.mtan("plugins");
            assertEquals(0, plugins.code(), plugins.err());
            assertTrue(plugins.out().contains("half-depth") && plugins.out().contains("org.example.HalfDepthProvider"), plugins.out());
            CliTest.Result train = CliTest.mtan("train", "--out", dir.resolve("runs").toString(), "--set", "weighting=half-depth",
                    "--set", "dataset.options.height=32", "--set", "dataset.options.width=32", "--set", "dataset.options.train-size=4",
                    "--set", "dataset.options.val-size=2", "--set", "training.epochs=1", "--set", "backbone.options.filters=[4,4,4,4,4]");
            assertEquals(0, train.code(), train.err());
            assertTrue(Files.readString(dir.resolve("runs/demo/metrics.csv")).contains("1,train,depth,weight,0.5"));
        } finally {
            if (previous == null) {
                System.clearProperty("mtan.plugin.path");
            } else {
                System.setProperty("mtan.plugin.path", previous);
            }
        }
        assertTrue(!CliTest.mtan("plugins").out().contains("half-depth"), "without the path the plugin is gone");
    }
}
