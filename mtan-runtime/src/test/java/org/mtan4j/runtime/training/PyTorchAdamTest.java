package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PyTorchAdamTest {

    /** torch.optim.Adam's documented algorithm, in double precision, for one scalar parameter. */
    private static double[] reference(double p, double[] grads, double lr, double b1, double b2, double eps, double wd) {
        double m = 0;
        double v = 0;
        double[] out = new double[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1] + wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            p = p - lr * mHat / (Math.sqrt(vHat) + eps);
            out[t - 1] = p;
        }
        return out;
    }

    @Test
    void followsPyTorchsUpdateRuleIncludingWhereEpsilonGoes() {
        // Tiny gradients make epsilon's placement visible: DJL's rule gives a different trajectory.
        double[] grads = {1e-7, -3e-8, 2e-7, 5e-8};
        for (double wd : new double[] {0, 0.01}) {
            double[] expected = reference(0.5, grads, 1e-2, 0.9, 0.999, 1e-8, wd);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray weight = manager.create(new float[] {0.5f});
                weight.setRequiresGradient(true);
                PyTorchAdam adam = new PyTorchAdam(1e-2f, 0.9f, 0.999f, 1e-8f, (float) wd);
                for (int t = 0; t < grads.length; t++) {
                    NDArray grad = manager.create(new float[] {(float) grads[t]});
                    adam.update("w", weight, grad);
                    assertEquals(expected[t], weight.getFloat(), 1e-6, "step " + (t + 1) + ", weight decay " + wd);
                    assertArrayEquals(new float[] {0f}, weight.getGradient().toFloatArray(), "the parameter's gradient is zeroed");
                }
            }
        }
    }

    @Test
    void stepLrHalvesEveryStepSizeEpochs() {
        StepLr lr = new StepLr(1e-4, 100, 0.5);
        assertEquals(1e-4, lr.learningRate(0));
        assertEquals(1e-4, lr.learningRate(99));
        assertEquals(5e-5, lr.learningRate(100));
        assertEquals(2.5e-5, lr.learningRate(250));
    }
}
