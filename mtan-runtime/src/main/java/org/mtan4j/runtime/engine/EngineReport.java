package org.mtan4j.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the started engine uses and sees ({@code mtan doctor}): the engine and the PyTorch it loaded
 * (version as found beside the library, flavour), where the native and JNI libraries came from, offline
 * mode, the devices with their memory, threads and the native allocator, and every warning.
 *
 * @param engine the engine's name ({@code PyTorch})
 * @param engineVersion the PyTorch version the engine reports (DJL takes it from {@code PYTORCH_VERSION} when set)
 * @param djlVersion DJL's version
 * @param builtFor the PyTorch version DJL's engine and its JNI jar are built for
 * @param pytorchVersion the loaded PyTorch's version as found beside the library, else the engine's
 * @param pytorchVersionSource where {@code pytorchVersion} was read
 * @param flavor the loaded build: {@code cpu}, {@code cuNNN}, {@code cuda} (CUDA of unknown version), or null
 * @param route where the native library comes from
 * @param nativeFolder the folder DJL loaded {@code libtorch.so} from
 * @param libtorch {@code libtorch.so} with links resolved
 * @param nativeOrigin how the native library came to be there
 * @param jni the JNI library loaded
 * @param jniOrigin how it came to be there
 * @param variables the engine variables, as {@code NAME=value}, or {@code none set}
 * @param offline whether DJL is offline now
 * @param download the engine download: {@code not asked}, {@code asked; nothing to download}, {@code downloaded by this start}
 * @param cache DJL's cache folder for PyTorch
 * @param torchCuda whether PyTorch reports CUDA ({@code torch::cuda::is_available})
 * @param cudaRuntime the CUDA runtime's version, or null without one
 * @param cudaDriver the newest CUDA version the driver supports, or null
 * @param devices the CPU and every GPU the CUDA runtime sees
 * @param gpus the GPUs the engine can use (those the CUDA runtime counts, when PyTorch reports CUDA)
 * @param threads PyTorch's intra-op threads
 * @param nativeAllocator the native allocator mode
 * @param warnings what may not work
 */
public record EngineReport(String engine, String engineVersion, String djlVersion, String builtFor, String pytorchVersion,
        String pytorchVersionSource, String flavor, String route, String nativeFolder, String libtorch, String nativeOrigin, String jni,
        String jniOrigin, String variables, boolean offline, String download, String cache, boolean torchCuda, String cudaRuntime,
        String cudaDriver, List<DeviceInfo> devices, int gpus, int threads, String nativeAllocator, List<String> warnings) {

    /**
     * One device.
     *
     * @param device DJL's name ({@code cpu}, {@code gpu(0)})
     * @param name the processor's or GPU's name
     * @param memoryTotalBytes its memory (for the CPU the machine's), or null when unknown
     * @param memoryUsedBytes in use now (machine-wide, or device-wide), or null
     * @param detail cores, or a GPU's compute capability
     */
    public record DeviceInfo(String device, String name, Long memoryTotalBytes, Long memoryUsedBytes, String detail) {
    }

    /**
     * Describes the started {@code engine}.
     *
     * @param setup the plan it was started with
     * @param threads its intra-op threads
     * @param nativeAllocator the allocator mode in effect
     */
    public static EngineReport of(Engine engine, EngineSetup setup, int threads, String nativeAllocator) {
        List<String> warnings = new ArrayList<>(setup.warnings());
        Path folder = Optional.ofNullable(EngineSetup.loadedFolder()).orElse(setup.nativeFolder());
        LibraryFolder lib = Files.exists(folder.resolve(LibraryFolder.LIBTORCH)) ? LibraryFolder.read(folder) : setup.library();
        String version = lib != null && lib.version() != null ? lib.version() : engine.getVersion();
        String versionSource = lib != null && lib.source() != null ? lib.source() : "the engine (DJL reports " + EngineSetup.VERSION
                + " when set, else the version it is built for)";
        String flavor = lib != null && lib.flavor() != null ? lib.flavor() : setup.flavor();
        Path jni = loadedLibrary(System.mapLibraryName("djl_torch")).orElse(setup.jni());
        boolean torchCuda = engine.hasCapability("CUDA");
        int cudaCount = CudaDevices.count();
        int gpus = torchCuda ? cudaCount : 0;
        List<DeviceInfo> devices = new ArrayList<>();
        devices.add(cpu());
        for (int i = 0; i < cudaCount; i++) {
            CudaDevices.MemoryUse memory = CudaDevices.memory(i);
            devices.add(new DeviceInfo("gpu(" + i + ")", CudaDevices.name(i), memory == null ? null : memory.totalBytes(),
                    memory == null ? null : memory.usedBytes(), computeCapability(i)));
        }
        String noGpu = noGpuReason(torchCuda, cudaCount, flavor);
        if (flavor != null && flavor.startsWith("cu") && gpus == 0) {
            warnings.add("a CUDA build of PyTorch, but the engine can use no GPU: " + noGpu);
        }
        String download = !setup.variables().download() ? "not asked"
                : setup.downloads() ? "downloaded by this start" : "asked; nothing to download";
        return new EngineReport(engine.getEngineName(), engine.getVersion(), setup.installation().djlVersion(),
                setup.installation().engineVersion(), version, versionSource, flavor, setup.route().label(), folder.toString(),
                lib == null ? null : lib.libtorch().toString(), setup.nativeOrigin(), jni.toString(), setup.jniOrigin(),
                setup.variables().describe(), Utils.isOfflineMode(), download, setup.installation().cache().toString(), torchCuda,
                CudaDevices.runtimeVersion(), CudaDevices.driverVersion(), List.copyOf(devices), gpus, threads, nativeAllocator,
                List.copyOf(warnings));
    }

    /**
     * Why the engine can use no GPU, in words that say what to do: a CPU build, no CUDA device, or a
     * CUDA runtime DJL cannot find.
     */
    public static String noGpuReason(boolean torchCuda, int cudaCount, String flavor) {
        if (torchCuda && cudaCount == 0) {
            return "PyTorch reports CUDA, but DJL counts GPUs through the CUDA runtime, and " + CudaDevices.noDeviceReason()
                    + ": add the folder of libcudart.so to LD_LIBRARY_PATH (`mtan doctor --torch-env` prints it)";
        }
        if (flavor == null || !flavor.startsWith("cu")) {
            return "the PyTorch library is a CPU build; for a GPU set " + EngineSetup.LIBRARY_PATH + ", " + EngineSetup.VERSION + " and "
                    + EngineSetup.FLAVOR + " to an installed CUDA build of PyTorch, or " + EngineSetup.FLAVOR + " alone to DJL's CUDA build, "
                    + "downloaded once (README, \"GPUs\")";
        }
        String cuda = CudaDevices.noDeviceReason();
        return "PyTorch reports no usable CUDA device" + (cuda == null ? "" : " (" + cuda + ")")
                + "; check the NVIDIA driver (nvidia-smi) and CUDA_VISIBLE_DEVICES";
    }

    /** One line for messages: {@code PyTorch 2.7.1 cpu from /path (origin)}. */
    public String summary() {
        return "PyTorch " + pytorchVersion + (flavor == null ? "" : " " + flavor) + " from " + nativeFolder + " (" + nativeOrigin + ")";
    }

    /** A library this process has mapped, by file name ({@code /proc/self/maps}; empty elsewhere). */
    static Optional<Path> loadedLibrary(String fileName) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.endsWith("/" + fileName) || slash >= 0 && line.endsWith("-" + fileName)) {
                    return Optional.of(Path.of(line.substring(slash)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the planned path stands.
        }
        return Optional.empty();
    }

    private static String computeCapability(int device) {
        try {
            String cc = ai.djl.util.cuda.CudaUtils.getComputeCapability(device);
            return "compute capability " + cc.substring(0, cc.length() - 1) + "." + cc.substring(cc.length() - 1);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static DeviceInfo cpu() {
        String name = System.getProperty("os.arch");
        Long total = null;
        Long used = null;
        try {
            name = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(name);
            long totalKb = -1;
            long availableKb = -1;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    totalKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("MemAvailable:")) {
                    availableKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            total = totalKb < 0 ? null : totalKb * 1024;
            used = totalKb < 0 || availableKb < 0 ? null : (totalKb - availableKb) * 1024;
        } catch (IOException | RuntimeException e) {
            // Not Linux: name and memory stay unknown.
        }
        return new DeviceInfo("cpu", name, total, used, Runtime.getRuntime().availableProcessors() + " cores");
    }
}
