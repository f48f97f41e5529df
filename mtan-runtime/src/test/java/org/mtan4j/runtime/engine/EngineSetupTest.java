package org.mtan4j.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of {@link EngineSetup#plan} and every refusal, against an installation like this project's
 * (DJL 0.36.0, PyTorch 2.7.1, the bundled CPU jar, a JNI jar with cpu and cu128) whose cache is a temporary
 * folder, and fake PyTorch folders (empty library files, a {@code version.py}). Nothing starts an engine.
 */
class EngineSetupTest {

    @TempDir
    Path dir;

    private Installation installation() {
        return new Installation("0.36.0", "2.7.1", new Installation.Bundled("2.7.1-20250812", "cpu", "pytorch-native-cpu-2.7.1-linux-x86_64.jar"),
                new Installation.JniJar("2.7.1-0.36.0", Set.of("cpu", "cu128"), "pytorch-jni-2.7.1-0.36.0.jar"), dir.resolve("cache/pytorch"),
                "linux-x86_64");
    }

    private static EngineSetup.Variables vars(String... nameValue) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], nameValue[i + 1]);
        }
        return EngineSetup.Variables.read(map::get, map.get("DJL_OFFLINE"));
    }

    private EngineSetup plan(String... nameValue) {
        return EngineSetup.plan(vars(nameValue), installation());
    }

    private String refusal(String... nameValue) {
        return assertThrows(EngineSetupException.class, () -> plan(nameValue)).getMessage();
    }

    private static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    /** A pip-like torch package: {@code torch/lib} with empty library files and {@code torch/version.py}. */
    private Path torch(String name, String version, String cuda) throws Exception {
        Path lib = Files.createDirectories(dir.resolve(name).resolve("torch/lib"));
        Files.createFile(lib.resolve("libtorch.so"));
        Files.createFile(lib.resolve("libtorch_cpu.so"));
        if (cuda != null) {
            Files.createFile(lib.resolve("libtorch_cuda.so"));
        }
        Files.writeString(lib.getParent().resolve("version.py"), "__version__ = '" + version + "'\ndebug = False\ncuda: Optional[str] = "
                + (cuda == null ? "None" : "'" + cuda + "'") + "\n");
        return lib;
    }

    @Test
    void withoutVariablesTheBundledCpuLibraryIsUsed() {
        EngineSetup setup = plan();
        assertEquals(EngineSetup.Route.BUNDLED, setup.route());
        assertEquals(dir.resolve("cache/pytorch/2.7.1-20250812-cpu-linux-x86_64"), setup.nativeFolder());
        assertEquals(setup.nativeFolder().resolve("0.36.0-libdjl_torch.so"), setup.jni());
        assertFalse(setup.downloads());
        assertEquals("2.7.1", setup.pytorchVersion(), "known before the first start unpacks the jar");
        assertNames(setup.nativeOrigin(), "pytorch-native-cpu-2.7.1-linux-x86_64.jar");
        assertNames(setup.jniOrigin(), "pytorch-jni-2.7.1-0.36.0.jar", "jnilib/linux-x86_64/cpu");
        assertEquals("cpu", plan(EngineSetup.FLAVOR, "cpu", EngineSetup.VERSION, "2.7.1").flavor());
        assertEquals(EngineSetup.Route.BUNDLED, plan(EngineSetup.FLAVOR, "cpu", EngineSetup.VERSION, "2.7.1").route());
    }

    @Test
    void blankVariablesCountAsUnset() {
        EngineSetup.Variables v = vars(EngineSetup.LIBRARY_PATH, " ", EngineSetup.FLAVOR, "", EngineSetup.DOWNLOAD_VARIABLE, "no");
        assertNull(v.libraryPath());
        assertNull(v.flavor());
        assertFalse(v.download());
        assertTrue(vars(EngineSetup.DOWNLOAD_VARIABLE, "true").download());
        assertTrue(vars(EngineSetup.DOWNLOAD_VARIABLE, "1").download());
        assertEquals("none set", v.describe());
    }

    @Test
    void anUnknownFlavourIsRefusedWithoutTheDownloadPermission() {
        assertNames(refusal(EngineSetup.FLAVOR, "cu999"), "PYTORCH_FLAVOR=cu999", "2.7.1 cu999, which is not here",
                dir.resolve("cache/pytorch/2.7.1-cu999-linux-x86_64").toString(), "the bundled library is PyTorch 2.7.1 cpu",
                "which DJL does not publish", "carries cpu, cu128", "Set PYTORCH_FLAVOR to one of them", "PYTORCH_LIBRARY_PATH");
        assertNames(refusal(EngineSetup.FLAVOR, "cu128"), "PYTORCH_FLAVOR=cu128", "2.7.1 cu128, which is not here",
                dir.resolve("cache/pytorch/2.7.1-cu128-linux-x86_64").toString(), "MTAN_DOWNLOAD_ENGINE=true", "mtan doctor --download-engine",
                "unset PYTORCH_FLAVOR");
        // With the permission too: DJL would substitute its nearest CUDA build after downloading it.
        assertNames(refusal(EngineSetup.FLAVOR, "cu999", EngineSetup.DOWNLOAD_VARIABLE, "true"), "PYTORCH_FLAVOR=cu999",
                "which DJL does not publish", "carries cpu, cu128");
    }

    @Test
    void theDownloadIsPlannedOnlyWhenAllowedAndNeeded() {
        EngineSetup download = plan(EngineSetup.FLAVOR, "cu128", EngineSetup.DOWNLOAD_VARIABLE, "true");
        assertEquals(EngineSetup.Route.DJL_CACHE, download.route());
        assertTrue(download.downloads());
        assertEquals(dir.resolve("cache/pytorch/2.7.1-cu128-linux-x86_64"), download.nativeFolder());
        assertNames(download.nativeOrigin(), "downloaded from publish.djl.ai", "by this start");
        assertEquals("2.7.1", download.pytorchVersion());
        assertNames(download.jniOrigin(), "pytorch-jni-2.7.1-0.36.0.jar", "jnilib/linux-x86_64/cu128");
        // Asked, but the bundled library is what the variables name: nothing to download, offline stays.
        EngineSetup bundled = plan(EngineSetup.DOWNLOAD_VARIABLE, "true");
        assertEquals(EngineSetup.Route.BUNDLED, bundled.route());
        assertFalse(bundled.downloads());
        assertNames(refusal(EngineSetup.FLAVOR, "cu128", EngineSetup.DOWNLOAD_VARIABLE, "true", "DJL_OFFLINE", "true"), "DJL_OFFLINE=true");
    }

    @Test
    void djlsBuildInTheCacheStartsOffline() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache/pytorch/2.7.1-cu128-linux-x86_64"));
        Files.createFile(folder.resolve("libtorch.so"));
        EngineSetup setup = plan(EngineSetup.FLAVOR, "cu128");
        assertEquals(EngineSetup.Route.DJL_CACHE, setup.route());
        assertFalse(setup.downloads());
        assertEquals(folder, setup.nativeFolder());
        assertNames(setup.nativeOrigin(), "by an earlier start");
        assertEquals("cu128", setup.library().flavor());
    }

    @Test
    void malformedFlavoursAndVersionsAreRefused() {
        assertNames(refusal(EngineSetup.FLAVOR, "cuda"), "PYTORCH_FLAVOR=cuda", "cpu and cuNNN", "cu128 for CUDA 12.8");
        assertNames(refusal(EngineSetup.VERSION, "2.7.1+cu128"), "PYTORCH_VERSION=2.7.1+cu128", "2.7.1", "+cu128");
        assertNames(refusal(EngineSetup.VERSION, "2.5.1"), "PYTORCH_VERSION=2.5.1", "set PYTORCH_FLAVOR too");
    }

    @Test
    void aLibraryPathThatIsNotThereIsRefused() throws Exception {
        assertNames(refusal(EngineSetup.LIBRARY_PATH, "/nonexistent"), "PYTORCH_LIBRARY_PATH=/nonexistent", "/nonexistent does not exist",
                "libtorch.so", "mtan doctor --torch-env", "unset it for the bundled CPU library");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertNames(refusal(EngineSetup.LIBRARY_PATH, empty.toString()), empty + " holds no libtorch.so");
    }

    @Test
    void anInstalledCudaTorchUsesDjlsCudaJniLibrary() throws Exception {
        Path lib = torch("pip", "2.7.1+cu128", "12.8");
        EngineSetup setup = plan(EngineSetup.LIBRARY_PATH, lib.toString(), EngineSetup.VERSION, "2.7.1", EngineSetup.FLAVOR, "cu128");
        assertEquals(EngineSetup.Route.LIBRARY_PATH, setup.route());
        assertEquals(lib, setup.nativeFolder());
        assertEquals(dir.resolve("cache/pytorch/2.7.1-cu128-linux-x86_64/0.36.0-libdjl_torch.so"), setup.jni());
        assertNames(setup.jniOrigin(), "pytorch-jni-2.7.1-0.36.0.jar", "jnilib/linux-x86_64/cu128");
        assertNames(setup.nativeOrigin(), "PYTORCH_LIBRARY_PATH", "2.7.1+cu128", "version.py");
        assertEquals("2.7.1+cu128", setup.pytorchVersion());
        assertEquals("cu128", setup.library().flavor());
        assertEquals(List.of(), setup.warnings());
        assertFalse(setup.downloads());
        // The file itself names the folder too, as DJL allows.
        assertEquals(lib, plan(EngineSetup.LIBRARY_PATH, lib.resolve("libtorch.so").toString(), EngineSetup.FLAVOR, "cu128").nativeFolder());
    }

    @Test
    void anInstalledTorchNeedsAMatchingFlavour() throws Exception {
        Path lib = torch("pip", "2.7.1+cu128", "12.8");
        assertNames(refusal(EngineSetup.LIBRARY_PATH, lib.toString()), "PYTORCH_FLAVOR is not set", "PYTORCH_FLAVOR=cu128",
                "PYTORCH_VERSION=2.7.1");
        assertNames(refusal(EngineSetup.LIBRARY_PATH, lib.toString(), EngineSetup.FLAVOR, "cpu"), "PYTORCH_FLAVOR=cpu", "CUDA build",
                "Set PYTORCH_FLAVOR=cu128");
        Path cpu = torch("cpu", "2.7.1+cpu", null);
        assertNames(refusal(EngineSetup.LIBRARY_PATH, cpu.toString(), EngineSetup.FLAVOR, "cu128"), "PYTORCH_FLAVOR=cu128", "a CPU build",
                "Set PYTORCH_FLAVOR=cpu");
        Path cu126 = torch("cu126", "2.7.1+cu126", "12.6");
        assertNames(refusal(EngineSetup.LIBRARY_PATH, cu126.toString(), EngineSetup.FLAVOR, "cu126", EngineSetup.VERSION, "2.7.1"),
                "2.7.1 cu126", "carries cpu, cu128", "MTAN_DOWNLOAD_ENGINE=true");
    }

    @Test
    void anotherPyTorchVersionNeedsItsOwnJniLibrary() throws Exception {
        Path lib = torch("new", "2.11.0+cu130", "13.0");
        assertNames(refusal(EngineSetup.LIBRARY_PATH, lib.toString(), EngineSetup.FLAVOR, "cu130"), "PyTorch 2.11.0+cu130",
                "built for PyTorch 2.7.1", "pip install torch==2.7.1", "put libdjl_torch.so into " + lib);
        assertNames(refusal(EngineSetup.LIBRARY_PATH, lib.toString(), EngineSetup.FLAVOR, "cu130", EngineSetup.VERSION, "2.11.0"),
                "2.11.0 cu130", "which is for PyTorch 2.7.1", "Install PyTorch 2.7.1");
    }

    /** The GPU machine's set-up: links into a torch 2.11 package and a JNI library compiled there beside them. */
    @Test
    void aSelfCompiledJniLibraryBesideTheLinksIsUsedWithAWarning() throws Exception {
        Path torchLib = torch("site", "2.11.0+cu130", "13.0");
        Path links = Files.createDirectories(dir.resolve("tl"));
        Files.createSymbolicLink(links.resolve("libtorch.so"), torchLib.resolve("libtorch.so"));
        Files.createFile(links.resolve("libdjl_torch.so"));
        EngineSetup setup = plan(EngineSetup.LIBRARY_PATH, links.toString(), EngineSetup.VERSION, "2.11.0", EngineSetup.FLAVOR, "cu130");
        assertEquals(EngineSetup.Route.LIBRARY_PATH, setup.route());
        assertEquals(links.resolve("libdjl_torch.so"), setup.jni());
        assertNames(setup.jniOrigin(), "beside the native library");
        assertEquals("2.11.0+cu130", setup.library().version());
        assertEquals(torchLib.resolve("libtorch.so").toRealPath(), setup.library().libtorch());
        assertEquals(1, setup.warnings().size(), setup.warnings().toString());
        assertNames(setup.warnings().get(0), "built for PyTorch 2.7.1", "2.11.0+cu130", "compiled against that PyTorch");
        EngineSetup unversioned = plan(EngineSetup.LIBRARY_PATH, links.toString(), EngineSetup.FLAVOR, "cu130");
        assertTrue(unversioned.warnings().stream().anyMatch(w -> w.contains("set PYTORCH_VERSION=2.11.0")), unversioned.warnings().toString());
    }

    @Test
    void aLibtorchArchiveIsReadFromItsBuildVersion() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("libtorch/lib"));
        Files.createFile(lib.resolve("libtorch.so"));
        Files.writeString(lib.getParent().resolve("build-version"), "2.7.1+cu128\n");
        LibraryFolder folder = LibraryFolder.read(lib);
        assertEquals("2.7.1+cu128", folder.version());
        assertEquals("2.7.1", folder.baseVersion());
        assertEquals("cu128", folder.flavor());
        assertNotNull(folder.source());
    }

    private static final String BUNDLED = "native/lib/pytorch.properties";

    /** {@code ai.djl.offline} and whether the bundled jar is visible, as an engine start inside {@link EngineSetup#during} sees them. */
    private static List<String> seenDuring(boolean hideBundled, boolean liftOffline) {
        return EngineSetup.during(hideBundled, liftOffline, () -> List.of(System.getProperty("ai.djl.offline"),
                String.valueOf(Thread.currentThread().getContextClassLoader().getResource(BUNDLED) != null)));
    }

    @Test
    void theStartLiftsOfflineModeAndHidesTheBundledJarOnlyWhenPlanned() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests run offline");
        assertEquals(List.of("true", "true"), seenDuring(false, false), "offline, and the bundled jar visible to the default route");
        assertEquals(List.of("false", "false"), seenDuring(true, true), "lifted while downloading, the jar hidden from DJL's search");
        assertEquals("true", System.getProperty("ai.djl.offline"), "offline again after the start");
        assertNotNull(Thread.currentThread().getContextClassLoader().getResource(BUNDLED));
    }

    @Test
    void thisInstallationIsReadFromTheClassPath() {
        Installation inst = Installation.current();
        assertEquals("0.36.0", inst.djlVersion());
        assertEquals("2.7.1", inst.engineVersion());
        assertNotNull(inst.bundled(), "the pytorch-native-cpu jar is a test dependency");
        assertEquals("cpu", inst.bundled().flavor());
        assertTrue(inst.jniJar().flavors().contains("cpu"), inst.jniJar().toString());
        assertTrue(inst.jniJar().version().startsWith("2.7.1-0.36.0"), inst.jniJar().toString());
    }
}
