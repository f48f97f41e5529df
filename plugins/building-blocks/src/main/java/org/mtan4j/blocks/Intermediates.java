package org.mtan4j.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Closing a forward pass's intermediate handles as soon as a block is done with them.
 *
 * <p>A DJL handle keeps its tensor alive until the handle's manager closes, which for a training step
 * is the step's end: every map a block made would then outlive the backward pass that could free it.
 * Autograd holds its own reference to whatever backward needs, so closing our handle changes no value
 * (forward outputs and gradients stay bit-identical) while PyTorch frees the rest at once and the saved
 * maps as soon as backward has used them, as it does for the paper's code. Without this a paper-width
 * MTAN step peaked gigabytes higher.
 */
public final class Intermediates {

    private Intermediates() {
    }

    /**
     * Closes the given arrays and lists of arrays; nulls are skipped and closing twice is harmless.
     *
     * @param intermediates arrays or lists of arrays that nothing reads any more
     * @throws IllegalArgumentException for anything but an {@link NDArray} or {@link NDList}
     */
    public static void release(AutoCloseable... intermediates) {
        for (AutoCloseable c : intermediates) {
            if (c instanceof NDArray array) {
                array.close();
            } else if (c instanceof NDList list) {
                list.close();
            } else if (c != null) {
                throw new IllegalArgumentException("release takes NDArray or NDList, got " + c.getClass().getName());
            }
        }
    }
}
