package org.mtan4j.runtime.engine;

import ai.djl.Device;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak device memory while something runs on a GPU ({@code mtan bench}), sampled from the CUDA
 * runtime ({@code cudaMemGetInfo}) by a background thread every {@value #EVERY_MS} ms: PyTorch's caching
 * allocator keeps its own peak ({@code torch.cuda.max_memory_reserved}) behind DJL's API. The figure is
 * the device's used memory: it includes the CUDA context and any other process on the device, and since
 * the caching allocator keeps what it reserved, the last sample is at least as large as any earlier
 * peak of this process. On the CPU there is nothing to sample, and {@link #result()} says so.
 */
public final class DeviceMemoryPeak implements AutoCloseable {

    /** Sampling interval. */
    static final long EVERY_MS = 5;

    /**
     * What was measured.
     *
     * @param peakUsedBytes the largest used memory seen, or null when not measured
     * @param startUsedBytes used memory when sampling began (CUDA context, other processes), or null
     * @param totalBytes the device's memory, or null
     * @param samples the number of samples
     * @param note how it was measured, or {@code n/a: } and why not
     */
    public record Result(Long peakUsedBytes, Long startUsedBytes, Long totalBytes, long samples, String note) {

        /** Whether a figure was measured. */
        public boolean measured() {
            return peakUsedBytes != null;
        }
    }

    private final Device device;
    private final String unavailable;
    private final AtomicLong peak = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean stop;
    private Long start;
    private Long total;

    private DeviceMemoryPeak(Device device, String unavailable) {
        this.device = device;
        this.unavailable = unavailable;
        if (unavailable != null) {
            sampler = null;
            return;
        }
        CudaDevices.MemoryUse first = CudaDevices.memory(device.getDeviceId());
        start = first == null ? null : first.usedBytes();
        total = first == null ? null : first.totalBytes();
        record(first);
        sampler = new Thread(this::sample, "mtan-device-memory-" + device);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling {@code device}'s memory (nothing to sample on the CPU or without the CUDA runtime). */
    public static DeviceMemoryPeak start(Device device) {
        if (!device.isGpu()) {
            return new DeviceMemoryPeak(device, "n/a: the device is the CPU (its memory is the process's resident set, peak RSS)");
        }
        if (CudaDevices.memory(device.getDeviceId()) == null) {
            String why = CudaDevices.noDeviceReason();
            return new DeviceMemoryPeak(device, "n/a: the CUDA runtime cannot read " + device + "'s memory"
                    + (why == null ? "" : " (" + why + ")"));
        }
        return new DeviceMemoryPeak(device, null);
    }

    private void sample() {
        while (!stop) {
            record(CudaDevices.memory(device.getDeviceId()));
            try {
                TimeUnit.MILLISECONDS.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record(CudaDevices.MemoryUse use) {
        if (use != null) {
            peak.accumulateAndGet(use.usedBytes(), Math::max);
            samples.incrementAndGet();
        }
    }

    /** Stops sampling, after a last sample. */
    @Override
    public void close() {
        if (sampler == null || stop) {
            return;
        }
        stop = true;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record(CudaDevices.memory(device.getDeviceId()));
    }

    /** The peak so far (after {@link #close()}: the whole run's). */
    public Result result() {
        if (unavailable != null) {
            return new Result(null, null, null, 0, unavailable);
        }
        long p = peak.get();
        return new Result(p < 0 ? null : p, start, total, samples.get(), "used memory of the whole device (CUDA context and other processes "
                + "included), sampled from the CUDA runtime every " + EVERY_MS + " ms; PyTorch's own allocator peak is not reachable through DJL");
    }
}
