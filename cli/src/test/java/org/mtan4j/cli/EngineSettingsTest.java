package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.engine.EngineSetup;

/**
 * The engine variables on real processes (they can only be set for a child): each wrong setting exits 2
 * with one message that says what was found and what to set, and leaves no run folder; the
 * installed-PyTorch route starts from a folder of links to the bundled library. Nothing is downloaded and
 * offline mode is never lifted.
 */
class EngineSettingsTest {

    private static final long LIMIT_MINUTES = 5;

    /** What a child printed (stdout and stderr together) and returned. */
    private record Run(int code, String output) {
    }

    /** Runs {@code mtan args} in its own JVM in {@code workDir}, with exactly the engine variables in {@code env}. */
    private static Run mtan(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        for (String name : List.of(EngineSetup.LIBRARY_PATH, EngineSetup.VERSION, EngineSetup.FLAVOR, EngineSetup.DOWNLOAD_VARIABLE, "DJL_OFFLINE",
                "ENGINE_CACHE_DIR")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mtan did not finish within " + LIMIT_MINUTES + " minutes");
        }
        return new Run(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> !f.equals(dir)).sorted().toList();
        }
    }

    /** {@code mtan train} of the demo into {@code dir/runs}, run in {@code dir}: must exit 2 naming {@code parts} and write nothing. */
    private static void refusedWithoutARunFolder(Path dir, Map<String, String> env, List<String> extra, String... parts) throws Exception {
        List<Path> before = contents(dir);
        List<String> args = new ArrayList<>(List.of("train", "--set", "training.epochs=1", "--out", dir.resolve("runs").toString()));
        args.addAll(extra);
        Run run = mtan(dir, env, args.toArray(new String[0]));
        assertEquals(ExitCodes.USAGE, run.code(), run.output());
        List<String> messages = run.output().lines().filter(l -> l.startsWith("mtan: ")).toList();
        assertEquals(1, messages.size(), "one message:\n" + run.output());
        for (String part : parts) {
            assertTrue(messages.get(0).contains(part), "'" + part + "' in: " + messages.get(0));
        }
        assertFalse(run.output().contains("\tat "), "no stack trace:\n" + run.output());
        assertFalse(Files.exists(dir.resolve("runs")), "no run folder");
        assertEquals(before, contents(dir), "nothing written");
    }

    @Test
    void aFlavourThatIsNotHereIsRefused(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("empty-cache"));
        refusedWithoutARunFolder(dir, Map.of(EngineSetup.FLAVOR, "cu999", "ENGINE_CACHE_DIR", cache.toString()), List.of(),
                "mtan: engine set-up: PYTORCH_FLAVOR=cu999", "PyTorch 2.7.1 cu999, which is not here", "the bundled library is PyTorch 2.7.1 cpu",
                cache.resolve("pytorch/2.7.1-cu999-linux-x86_64").toString(), "which DJL does not publish", "carries cpu, cu128",
                "Set PYTORCH_FLAVOR to one of them", "PYTORCH_LIBRARY_PATH");
    }

    @Test
    void aLibraryPathThatDoesNotExistIsRefused(@TempDir Path dir) throws Exception {
        refusedWithoutARunFolder(dir, Map.of(EngineSetup.LIBRARY_PATH, "/nonexistent"), List.of(),
                "mtan: engine set-up: PYTORCH_LIBRARY_PATH=/nonexistent: /nonexistent does not exist", "libtorch.so",
                "mtan doctor --torch-env", "unset it for the bundled CPU library");
    }

    @Test
    void aGpuThisMachineDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        refusedWithoutARunFolder(dir, Map.of(), List.of("--set", "device=gpu"), "mtan: invalid configuration: --set device=gpu: device: 'gpu' is not available",
                "sees no GPU", "PyTorch 2.7.1 cpu", "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "a CPU build",
                "PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR", "choose device: cpu");
        // A retry is refused for the same reason, not because a run folder is in the way.
        refusedWithoutARunFolder(dir, Map.of(), List.of("--device", "gpu:1"), "--device gpu:1: device: 'gpu:1' is not available", "sees no GPU");
    }

    @Test
    void aSweepOnAGpuThisMachineDoesNotHaveWritesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "name: gpu-grid\nbase: demo\nset: [device=gpu, training.epochs=1]\ngrid:\n  seed: [0, 1]\n");
        CliTest.Result r = CliTest.mtan("sweep", "--out", dir.resolve("sweeps").toString(), file.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("'gpu' is not available"), r.err());
        assertFalse(Files.exists(dir.resolve("sweeps")), "nothing written");
    }

    /**
     * The installed-PyTorch route: a folder of links to the bundled CPU library with a torch-like
     * {@code version.py} beside it, DJL's JNI library taken from the jar into an empty cache.
     */
    @Test
    void anInstalledPyTorchFolderIsUsedAndReported(@TempDir Path dir) throws Exception {
        Engines.startOffline();
        Path bundled = EngineSetup.loadedFolder();
        Path lib = Files.createDirectories(dir.resolve("site-packages/torch/lib"));
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("lib") && !f.toString().contains("djl_torch")).toList()) {
                Files.createSymbolicLink(lib.resolve(f.getFileName()), f);
            }
        }
        Files.writeString(lib.getParent().resolve("version.py"), "__version__ = '2.7.1+cpu'\ncuda: Optional[str] = None\n");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Run run = mtan(dir, Map.of(EngineSetup.LIBRARY_PATH, lib.toString(), EngineSetup.VERSION, "2.7.1", EngineSetup.FLAVOR, "cpu",
                "ENGINE_CACHE_DIR", cache.toString()), "doctor", "--json");
        assertEquals(0, run.code(), run.output());
        JsonNode json = new ObjectMapper().readTree(run.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertEquals("library-path", json.get("route").asText());
        assertEquals(lib.toString(), json.get("native_folder").asText());
        assertEquals("2.7.1+cpu", json.get("pytorch_version").asText());
        assertEquals(lib.getParent().resolve("version.py").toString(), json.get("pytorch_version_source").asText());
        Path jni = cache.resolve("pytorch/2.7.1-cpu-linux-x86_64/0.36.0-libdjl_torch.so");
        assertEquals(jni.toString(), json.get("jni").asText(), "the JNI library DJL mapped");
        assertTrue(Files.isRegularFile(jni));
        assertTrue(json.get("jni_origin").asText().contains("pytorch-jni-2.7.1-0.36.0.jar (jnilib/linux-x86_64/cpu)"), json.toString());
        assertTrue(json.get("variables").asText().contains("PYTORCH_LIBRARY_PATH=" + lib), json.toString());
        assertTrue(json.get("offline").asBoolean());
        assertEquals(0, json.get("warnings").size(), json.toString());
    }

    /** The download permission is recognised; with nothing to download (the bundled library) offline mode stays. */
    @Test
    void theDownloadPermissionChangesNothingWhenTheBundledLibraryIsAsked(@TempDir Path dir) throws Exception {
        Run run = mtan(dir, Map.of(), "doctor", "--json", "--download-engine");
        assertEquals(0, run.code(), run.output());
        JsonNode json = new ObjectMapper().readTree(run.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertEquals("asked; nothing to download", json.get("download").asText());
        assertEquals("bundled", json.get("route").asText());
        assertTrue(json.get("offline").asBoolean());
    }
}
