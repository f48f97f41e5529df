package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.Weighting;
import org.mtan4j.testkit.GradientContext;

/**
 * GLS and STCH against their closed forms. With the golden problem's losses {@code L_k = e_k . p + c_k}
 * (unit vectors {@code e_k}, so {@code dL_k/dp = e_k}) the shared gradient is the vector of the loss's
 * derivatives {@code dL/dL_k}.
 */
class GlsAndStchGoldenTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static float[][] units(int k) {
        float[][] e = new float[k][k];
        for (int i = 0; i < k; i++) {
            e[i][i] = 1;
        }
        return e;
    }

    private double[] step(Weighting w, float[] losses, int epoch) {
        return Golden.step(w, manager, units(losses.length), losses, epoch, new Random(1));
    }

    private float value(Weighting w, float[] losses, int epoch) {
        NDList list = new NDList();
        for (float l : losses) {
            list.add(manager.create(l));
        }
        return w.combine(list, new GradientContext(Golden.tasks(losses.length), epoch, 0, new Random(1), null, List.of(), manager))
                .getFloat();
    }

    @Test
    void glsIsTheGeometricMeanOfTheTaskLosses() {
        // (1 * 8 * 27)^(1/3) = 6; dL/dL_k = 6 / (3 L_k) = (2, 1/4, 2/27).
        Weighting w = new GlsWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(3));
        assertEquals(6f, value(w, new float[] {1, 8, 27}, 0), 1e-5f);
        assertArrayEquals(new double[] {2, 0.25, 2.0 / 27}, step(w, new float[] {1, 8, 27}, 0), 1e-6);
        assertArrayEquals(new double[] {2, 0.25, 2.0 / 27}, w.taskWeights(), 1e-6);
        // Two tasks: sqrt(2 * 8) = 4.
        assertEquals(4f, value(new GlsWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2)), new float[] {2, 8}, 0), 1e-5f);
    }

    @Test
    void glsLeavesAZeroLossOut() {
        // A batch without a valid pixel for task 0: the mean of the others, sqrt(4 * 9) = 6, weights 6 / (2 L_k).
        Weighting w = new GlsWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(3));
        assertEquals(6f, value(w, new float[] {0, 4, 9}, 0), 1e-5f);
        assertArrayEquals(new double[] {0, 0.75, 1.0 / 3}, step(w, new float[] {0, 4, 9}, 0), 1e-6);
    }

    @Test
    void stchWarmsUpOnLogLossesThenSmoothsTheMaximumOverTheNadir() {
        Weighting w = new StchWeightingProvider().create(new StchWeightingProvider.Options(1.0, 0), Golden.tasks(2));
        // Epoch 0 is the (last) warm-up epoch: sum_k log L_k, gradient 1 / L_k; its mean losses are the nadir (3, 6).
        assertArrayEquals(new double[] {0.5, 0.25}, step(w, new float[] {2, 4}, 0), 1e-6);
        assertArrayEquals(new double[] {0.25, 0.125}, step(w, new float[] {4, 8}, 0), 1e-6);
        // Epoch 1, losses (3, 12): l = (log 1, log 2), softmax (1/3, 2/3); the loss K mu log sum exp((l - max l) / mu) =
        // 2 log(1/2 + 1) and dL/dL_k = K softmax_k / L_k = (2/9, 1/9).
        assertEquals((float) (2 * Math.log(1.5)), value(w, new float[] {3, 12}, 1), 1e-5f);
        assertArrayEquals(new double[] {2.0 / 9, 1.0 / 9}, step(w, new float[] {3, 12}, 1), 1e-6);
        assertArrayEquals(new double[] {2.0 / 9, 1.0 / 9}, w.taskWeights(), 1e-6);
    }

    @Test
    void stchTendsToTheTchebycheffMaximumAsMuShrinks() {
        // mu = 0.01: the softmax is all on the worse task (l = log 2 against 0): dL/dL_2 = K / L_2 = 1/6, task 1 ~ 0.
        Weighting w = new StchWeightingProvider().create(new StchWeightingProvider.Options(0.01, 0), Golden.tasks(2));
        step(w, new float[] {3, 6}, 0);
        double[] g = step(w, new float[] {3, 12}, 1);
        assertEquals(0, g[0], 1e-12);
        assertEquals(2.0 / 12, g[1], 1e-6);
    }

    @Test
    void stchKeepsItsNadirAcrossARestore() {
        Weighting w = new StchWeightingProvider().create(new StchWeightingProvider.Options(1.0, 0), Golden.tasks(2));
        step(w, new float[] {2, 4}, 0);
        step(w, new float[] {4, 8}, 0);
        Weighting restored = new StchWeightingProvider().create(new StchWeightingProvider.Options(1.0, 0), Golden.tasks(2));
        restored.restoreState(w.state());
        assertArrayEquals(new double[] {2.0 / 9, 1.0 / 9}, step(restored, new float[] {3, 12}, 1), 1e-6);
    }
}
