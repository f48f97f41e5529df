package org.mtan4j.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** {@link DeviceMemoryPeak}: n/a with the reason on the CPU and without a usable GPU; a figure on a GPU. */
class DeviceMemoryPeakTest {

    @Test
    void onTheCpuThereIsNothingToSample() {
        DeviceMemoryPeak.Result result;
        try (DeviceMemoryPeak peak = DeviceMemoryPeak.start(Device.cpu())) {
            result = peak.result();
        }
        assertFalse(result.measured());
        assertNull(result.totalBytes());
        assertTrue(result.note().startsWith("n/a: the device is the CPU"), result.note());
    }

    @Test
    void aGpuIsSampledWhereTheCudaRuntimeSeesOne() {
        DeviceMemoryPeak peak = DeviceMemoryPeak.start(Device.gpu(0));
        peak.close();
        DeviceMemoryPeak.Result result = peak.result();
        if (CudaDevices.count() == 0) {
            assertFalse(result.measured());
            assertTrue(result.note().startsWith("n/a: the CUDA runtime cannot read gpu(0)'s memory"), result.note());
        } else {
            assertTrue(result.measured(), result.note());
            assertTrue(result.peakUsedBytes() >= result.startUsedBytes() && result.peakUsedBytes() <= result.totalBytes(), result.toString());
            assertTrue(result.samples() >= 2, result.toString());
        }
        assertEquals(result, peak.result(), "closing again changes nothing");
    }
}
