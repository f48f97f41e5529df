package org.mtan4j.api.nd;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Arrays built from Java data that stay valid after the Java data is gone (see the package note). */
public final class EngineArrays {

    private EngineArrays() {
    }

    /**
     * A copy of {@code array} in {@code type} on {@code device}, in memory the engine owns. Use it for an
     * array made with {@code NDManager.create} from Java data that must outlive that array: a constant
     * kept in a cache, or one an autograd graph reads in the backward pass. {@code array} stays open.
     */
    public static NDArray ownedCopy(NDArray array, DataType type, Device device) {
        // create() reads a Java buffer, and PyTorch's toType() and same-device toDevice() may return that
        // very memory (toType even when asked to copy): only clone (duplicate) or a move copies for sure.
        NDArray typed = array.toType(type, false);
        try {
            return typed.getDevice().equals(device) ? typed.duplicate() : typed.toDevice(device, true);
        } finally {
            if (typed != array) {
                typed.close();
            }
        }
    }
}
