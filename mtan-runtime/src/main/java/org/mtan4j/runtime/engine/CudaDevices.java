package org.mtan4j.runtime.engine;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The GPUs as the CUDA runtime ({@code libcudart}, bound through JNA as DJL's {@code CudaUtils} does) sees
 * them: count, names and memory. DJL counts GPUs the same way; whether PyTorch itself can use them is
 * the engine's {@code CUDA} capability. Every call answers "none" where {@code libcudart} cannot be loaded.
 * The first call on a device creates its CUDA context (a few hundred MB of device memory), as PyTorch's
 * first operation there would.
 */
public final class CudaDevices {

    /** {@code cudaDeviceProp} begins with {@code char name[256]}; the whole struct is about 1 KB, this is ample. */
    private static final int PROPERTIES_BYTES = 16 * 1024;

    private static final CudaRuntime LIB = load();

    private CudaDevices() {
    }

    /** The CUDA runtime calls used. */
    interface CudaRuntime extends Library {
        int cudaGetDeviceCount(int[] count);

        int cudaRuntimeGetVersion(int[] version);

        int cudaDriverGetVersion(int[] version);

        int cudaMemGetInfo(long[] free, long[] total);

        int cudaSetDevice(int device);

        int cudaGetDevice(int[] device);

        int cudaGetDeviceProperties_v2(Pointer properties, int device);

        int cudaGetDeviceProperties(Pointer properties, int device);

        String cudaGetErrorString(int error);
    }

    /**
     * One device's memory.
     *
     * @param usedBytes in use on the whole device (every process, and the CUDA contexts)
     * @param totalBytes the device's memory
     */
    public record MemoryUse(long usedBytes, long totalBytes) {
    }

    private static CudaRuntime load() {
        try {
            return Native.load("cudart", CudaRuntime.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code libcudart} was found. */
    public static boolean runtimeFound() {
        return LIB != null;
    }

    /** The number of devices, 0 without {@code libcudart} or a driver. */
    public static synchronized int count() {
        if (LIB == null) {
            return 0;
        }
        int[] count = new int[1];
        return LIB.cudaGetDeviceCount(count) == 0 ? count[0] : 0;
    }

    /** Why {@link #count()} is 0, in words; null when it is not. */
    public static synchronized String noDeviceReason() {
        if (LIB == null) {
            return "the CUDA runtime (libcudart.so) is not on the library path";
        }
        int[] count = new int[1];
        int error = LIB.cudaGetDeviceCount(count);
        if (error != 0) {
            return "the CUDA runtime reports: " + LIB.cudaGetErrorString(error);
        }
        return count[0] == 0 ? "the CUDA runtime finds no device" : null;
    }

    /** The CUDA runtime's version ({@code 12.8}), or null. */
    public static synchronized String runtimeVersion() {
        int[] v = new int[1];
        return LIB != null && LIB.cudaRuntimeGetVersion(v) == 0 ? cudaVersion(v[0]) : null;
    }

    /** The newest CUDA version the driver supports ({@code 13.0}), or null. */
    public static synchronized String driverVersion() {
        int[] v = new int[1];
        return LIB != null && LIB.cudaDriverGetVersion(v) == 0 && v[0] > 0 ? cudaVersion(v[0]) : null;
    }

    /** The device's name ({@code NVIDIA H200}), or null. */
    public static synchronized String name(int device) {
        if (LIB == null) {
            return null;
        }
        Memory properties = new Memory(PROPERTIES_BYTES);
        properties.clear();
        int error;
        try {
            error = LIB.cudaGetDeviceProperties_v2(properties, device);
        } catch (UnsatisfiedLinkError e) {
            // CUDA 11 and older have only the unversioned call.
            error = LIB.cudaGetDeviceProperties(properties, device);
        }
        return error == 0 ? properties.getString(0) : null;
    }

    /** The device's memory now, or null. Leaves the calling thread's current device as it was. */
    public static synchronized MemoryUse memory(int device) {
        if (LIB == null) {
            return null;
        }
        int[] current = new int[1];
        long[] free = new long[1];
        long[] total = new long[1];
        if (LIB.cudaGetDevice(current) != 0 || LIB.cudaSetDevice(device) != 0) {
            return null;
        }
        try {
            return LIB.cudaMemGetInfo(free, total) == 0 ? new MemoryUse(total[0] - free[0], total[0]) : null;
        } finally {
            LIB.cudaSetDevice(current[0]);
        }
    }

    private static String cudaVersion(int v) {
        return v / 1000 + "." + (v % 1000) / 10;
    }
}
