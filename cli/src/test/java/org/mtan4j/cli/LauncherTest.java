package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code cli/src/main/dist/mtan} (copied to {@code cli/target/mtan} by the build), run
 * through a link from another folder, in front of a stand-in {@code mtan.jar} that prints what the JVM got.
 */
class LauncherTest {

    /** The stand-in's main: the arguments, the JVM options and the environment the launcher set. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            System.out.println("args=" + String.join(" ", args));
            System.out.println("jvm=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX"));
        }
    }

    private static String launch(Path link, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theLauncherRunsTheJarBesideItWithTheRecommendedSettings(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path script = Path.of("src/main/dist/mtan");
        assertTrue(Files.isExecutable(script), script + " is executable (the build copies its mode to cli/target/mtan)");
        Path installed = Files.createDirectories(dir.resolve("opt/mtan4j"));
        Files.copy(script, installed.resolve("mtan"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Path.of("target/test-classes").toUri().toString());
        try (OutputStream out = Files.newOutputStream(installed.resolve("mtan.jar")); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("mtan"), installed.resolve("mtan"));

        String out = launch(link, Map.of("JAVA_OPTS", "-Dmtan.native-allocator=lean"), "train", "a b.yaml");
        assertTrue(out.contains("args=train a b.yaml\n"), out);
        assertTrue(out.contains("MALLOC_ARENA_MAX=1\n"), out);
        assertTrue(out.contains("-Xss4m") && out.contains("-Dai.djl.offline=true"), out);
        assertTrue(out.indexOf("-Dmtan.native-allocator=lean") > out.indexOf("-Xss4m"), "JAVA_OPTS come after ours: " + out);

        assertTrue(launch(link, Map.of("MALLOC_ARENA_MAX", "4")).contains("MALLOC_ARENA_MAX=4\n"), "a value set by the caller stays");
    }
}
