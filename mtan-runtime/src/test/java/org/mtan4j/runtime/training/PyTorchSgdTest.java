package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * {@code torch.optim.SGD}'s rule on one scalar parameter, p0 = 1, gradients 0.5, -0.25, 1, lr 0.1, checked
 * against values worked out by hand (kept to the digits float32 can hold).
 */
class PyTorchSgdTest {

    private static final float[] GRADIENTS = {0.5f, -0.25f, 1f};

    private static float[] run(PyTorchSgd sgd) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f});
            weight.setRequiresGradient(true);
            float[] out = new float[GRADIENTS.length];
            for (int t = 0; t < GRADIENTS.length; t++) {
                sgd.update("w", weight, manager.create(new float[] {GRADIENTS[t]}));
                out[t] = weight.getFloat();
                assertArrayEquals(new float[] {0f}, weight.getGradient().toFloatArray(), "the parameter's gradient is zeroed");
            }
            return out;
        }
    }

    @Test
    void nesterovMomentumWithWeightDecay() {
        // mu 0.9, wd 0.01.
        // 1: g = 0.5 + 0.01*1 = 0.51; b = g = 0.51 (first step); d = g + 0.9b = 0.969; p = 1 - 0.0969 = 0.9031
        // 2: g = -0.25 + 0.009031 = -0.240969; b = 0.459 - 0.240969 = 0.218031; d = g + 0.9b = -0.0447411; p = 0.90757411
        // 3: g = 1.0090757411; b = 0.1962279 + g = 1.2053036411; d = g + 0.9b = 2.0938490181; p = 0.6981892082
        assertArrayEquals(new float[] {0.9031f, 0.90757411f, 0.6981892082f}, run(new PyTorchSgd(0.1f, 0.9f, true, 0.01f)), 1e-6f);
    }

    @Test
    void heavyBallMomentumWithWeightDecay() {
        // 1: g = 0.51; b = 0.51; p = 1 - 0.051 = 0.949
        // 2: g = -0.25 + 0.00949 = -0.24051; b = 0.459 - 0.24051 = 0.21849; p = 0.949 - 0.021849 = 0.927151
        // 3: g = 1.00927151; b = 0.196641 + g = 1.20591251; p = 0.927151 - 0.120591251 = 0.806559749
        assertArrayEquals(new float[] {0.949f, 0.927151f, 0.806559749f}, run(new PyTorchSgd(0.1f, 0.9f, false, 0.01f)), 1e-6f);
    }

    @Test
    void plainSgd() {
        // p -= 0.1 g: 1 - 0.05, + 0.025, - 0.1.
        assertArrayEquals(new float[] {0.95f, 0.975f, 0.875f}, run(new PyTorchSgd(0.1f, 0f, false, 0f)), 1e-6f);
    }

    @Test
    void resetStateStartsTheMomentumAfresh() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f});
            weight.setRequiresGradient(true);
            PyTorchSgd sgd = new PyTorchSgd(0.1f, 0.9f, false, 0f);
            sgd.update("w", weight, manager.create(new float[] {1f}));
            sgd.resetState();
            sgd.setLearningRate(0.01f);
            // After the reset the buffer is the gradient again: 0.9 - 0.01 * 1, not 0.9 - 0.01 * 1.9.
            sgd.update("w", weight, manager.create(new float[] {1f}));
            assertEquals(0.89f, weight.getFloat(), 1e-6f);
        }
    }

    @Test
    void nesterovWithoutMomentumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PyTorchSgd(0.1f, 0f, true, 0f));
    }
}
