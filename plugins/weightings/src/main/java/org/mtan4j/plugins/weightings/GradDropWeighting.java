package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.AbstractWeighting;
import org.mtan4j.api.weighting.LossWeighting;

/**
 * GradDrop (Chen et al., NeurIPS 2020), as LibMTL's weighting/GradDrop.py, on the gradients with respect
 * to the representations (it needs them: {@link #usesRepresentationGradients()}). With
 * {@code G_k = sum_batch dL_k/dZ * sign(Z)}, the positive-sign purity {@code P = (1 + sum_k G_k /
 * (sum_k |G_k| + 1e-7)) / 2} and {@code U ~ Uniform(0, 1)} per element (the engine's seeded generator),
 * task k keeps an element's gradient where {@code P > U} and {@code G_k > 0} or {@code P < U} and
 * {@code G_k < 0}; kept gradients count fully, dropped ones with the factor {@code leak}. The reported
 * weight of a task is its average factor over the representation's elements.
 */
final class GradDropWeighting extends AbstractWeighting {

    private final float leak;

    GradDropWeighting(List<TaskSpec> tasks, double leak) {
        super(tasks, filled(tasks.size(), 1));
        this.leak = (float) leak;
    }

    @Override
    public boolean usesRepresentationGradients() {
        return true;
    }

    @Override
    public void backward(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        if (!context.offersRepresentationGradients()) {
            throw new UnsupportedOperationException("the weighting 'graddrop' needs representation gradients, "
                    + "which this runtime context does not offer");
        }
        int k = taskCount();
        List<NDArray> perSample = context.representationGradients(taskLosses);
        NDList representations = context.representations();
        List<NDArray> signed = new ArrayList<>(k);
        NDArray sum = null;
        NDArray absSum = null;
        for (int t = 0; t < k; t++) {
            NDArray g = perSample.get(t).mul(representations.get(t).sign()).sum(new int[] {0});
            signed.add(g);
            sum = sum == null ? g : sum.add(g);
            absSum = absSum == null ? g.abs() : absSum.add(g.abs());
        }
        NDArray purity = sum.div(absSum.add(1e-7f)).add(1f).mul(0.5f);
        NDArray u = purity.getManager().randomUniform(0f, 1f, purity.getShape());
        NDArray keepPositive = purity.gt(u);
        NDArray keepNegative = purity.lt(u);
        List<NDArray> transformed = new ArrayList<>(k);
        double[] w = new double[k];
        for (int t = 0; t < k; t++) {
            NDArray g = signed.get(t);
            NDArray mask = keepPositive.logicalAnd(g.gt(0f)).logicalOr(keepNegative.logicalAnd(g.lt(0f)))
                    .toType(perSample.get(t).getDataType(), false);
            NDArray factor = mask.mul(1f - leak).add(leak);
            w[t] = factor.mean().getFloat();
            transformed.add(perSample.get(t).mul(factor)); // the factor broadcasts over the batch
        }
        setWeights(w);
        context.backwardRepresentations(transformed);
    }

    /** A loss-level view: the plain sum (GradDrop acts on gradients only). */
    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        return LossWeighting.weightedSum(taskLosses, filled(taskCount(), 1));
    }
}
