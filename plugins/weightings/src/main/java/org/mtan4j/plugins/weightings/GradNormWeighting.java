package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.api.weighting.GradientWeighting;
import org.mtan4j.api.weighting.LossWeighting;

/**
 * GradNorm (Chen et al., ICML 2018), as LibMTL's weighting/GradNorm.py. Weights {@code w = K softmax(s)}
 * with learned logits {@code s} (initialised to 1). Epoch 0 is the plain sum of the losses (its mean
 * losses are GradNorm's initial losses {@code L_k(0)}). Later, with {@code G_k = w_k |g_k|},
 * {@code r_k = (L_k / L_k(0)) / mean_j(L_j / L_j(0))} and the constant target
 * {@code c_k = mean_j(G_j) r_k^alpha}, the logits get the gradient of {@code sum_k |G_k - c_k|} and the
 * shared parameters {@code sum_k w_k g_k}.
 */
final class GradNormWeighting extends GradientWeighting {

    private final double alpha;
    private final TaskScalars logits;
    private double[] initialLosses;
    private double[] stepLosses;

    GradNormWeighting(List<TaskSpec> tasks, double alpha) {
        super("gradnorm", tasks, filled(tasks.size(), 1));
        this.alpha = alpha;
        this.logits = new TaskScalars("loss_scale", tasks.size(), 1f);
    }

    @Override
    public void backward(NDList taskLosses, WeightingContext context) {
        if (context.epoch() < 1 || initialLosses == null) {
            checkLosses(taskLosses);
            context.backward(LossWeighting.weightedSum(taskLosses, filled(taskCount(), 1)));
            return;
        }
        stepLosses = new double[taskCount()];
        for (int k = 0; k < taskCount(); k++) {
            stepLosses[k] = taskLosses.get(k).getFloat();
        }
        super.backward(taskLosses, context);
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        float[] s = logits.values().toFloatArray();
        int k = taskCount();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s) {
            max = Math.max(max, v);
        }
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = Math.exp(s[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < k; i++) {
            w[i] = k * w[i] / sum;
        }
        return w;
    }

    @Override
    protected void afterCombination(NDList taskLosses, double[][] gram, double[] weights, WeightingContext context) {
        int k = taskCount();
        double[] norms = new double[k];
        double meanG = 0;
        double[] ratio = new double[k];
        double meanRatio = 0;
        for (int i = 0; i < k; i++) {
            norms[i] = Math.sqrt(gram[i][i]);
            meanG += weights[i] * norms[i] / k;
            ratio[i] = stepLosses[i] / initialLosses[i];
            meanRatio += ratio[i] / k;
        }
        float[] target = new float[k];
        float[] normValues = new float[k];
        for (int i = 0; i < k; i++) {
            target[i] = (float) (meanG * Math.pow(ratio[i] / meanRatio, alpha));
            normValues[i] = (float) norms[i];
        }
        var manager = taskLosses.head().getManager();
        NDArray s = logits.valuesIn(manager);
        NDArray perTask = Scalars.mul(s.softmax(0), k).mul(manager.create(normValues));
        context.backward(perTask.sub(manager.create(target)).abs().sum());
    }

    @Override
    public void onEpochEnd(int epoch, double[] meanTaskLosses) {
        if (epoch == 0) {
            initialLosses = meanTaskLosses.clone();
        }
    }

    @Override
    public Optional<Block> parameters() {
        return Optional.of(logits);
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(taskCount());
    }

    /** Epoch 0's mean losses ({@code initial-losses}), once known; the logits are model parameters. */
    @Override
    public Map<String, double[]> state() {
        return initialLosses == null ? Map.of() : Map.of("initial-losses", initialLosses.clone());
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        initialLosses = state.containsKey("initial-losses") ? States.require(state, "gradnorm", "initial-losses", taskCount()) : null;
    }
}
