package org.mtan4j.api.weighting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;

/**
 * A gradient-level weighting whose shared gradient is a linear combination {@code sum_k w_k g_k} of the
 * per-task gradients {@code g_k} of the shared parameters, with {@code w} decided from the Gram matrix
 * {@code G_ij = g_i . g_j} alone. Every method of LibMTL's family that the bundled weightings implement
 * has that form (PCGrad's projections, MGDA's min-norm point, CAGrad's update, IMTL's and Aligned-MTL's
 * weights ...): the K x K problem is solved in Java doubles, the long vectors are touched twice (Gram
 * matrix, combination). The weights {@code w} are what {@link #taskWeights()} reports.
 *
 * <p>A subclass implements {@link #combination} and may override the hooks around it:
 * <pre>{@code
 * final class Projection extends GradientWeighting {
 *     Projection(List<TaskSpec> tasks) { super("my-projection", tasks, filled(tasks.size(), 1)); }
 *     protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
 *         ... // coefficients of the update over the task gradients, from their dot products
 *     }
 * }
 * }</pre>
 *
 * <p>Task-specific parameters get the sum of the (possibly rescaled) task losses' gradients, as in
 * LibMTL's {@code _compute_grad}. Methods that LibMTL allows with {@code rep_grad} (MGDA, IMTL) can
 * instead work on the gradients with respect to the representations handed to the heads.
 */
public abstract class GradientWeighting extends AbstractWeighting {

    private final String name;
    private final boolean repGrad;

    /**
     * @param name the provider's name, for messages
     * @param initialWeights what {@link #taskWeights()} reports before the first step
     */
    protected GradientWeighting(String name, List<TaskSpec> tasks, double[] initialWeights) {
        this(name, tasks, initialWeights, false);
    }

    /**
     * @param repGrad work on the gradients with respect to the representations (LibMTL's {@code rep_grad}):
     *     the weights come from their batch sums, and {@code sum_k w_k dL_k/dZ} is back-propagated
     */
    protected GradientWeighting(String name, List<TaskSpec> tasks, double[] initialWeights, boolean repGrad) {
        super(tasks, initialWeights);
        this.name = name;
        this.repGrad = repGrad;
    }

    /** The provider's name, for messages. */
    protected final String name() {
        return name;
    }

    /**
     * The losses whose gradients are taken; the identity by default (IMTL rescales them with its learned
     * scales).
     */
    protected NDList transformLosses(NDList taskLosses, WeightingContext context) {
        return taskLosses;
    }

    /**
     * The combination weights of this step: the update is {@code sum_k w_k g_k}.
     *
     * @param gram {@code G_ij = g_i . g_j} of the per-task gradients
     * @param losses the task losses' values (before {@link #transformLosses})
     * @return one weight per task
     */
    protected abstract double[] combination(double[][] gram, double[] losses, WeightingContext context);

    /**
     * Sees the step's per-task gradient vectors before {@link #combination} (ExcessMTL accumulates their
     * squares); nothing by default. Arrays it keeps beyond the step must be moved off the step's manager.
     */
    protected void inspect(List<NDArray> gradients) {
    }

    /**
     * Called once the weights are known, before the shared gradient is written (which replaces whatever
     * a backward pass here leaves in the shared parameters): GradNorm back-propagates its own loss,
     * Nash-MTL re-weights the task-specific gradients. Nothing by default.
     *
     * @param taskLosses the step's losses, whose manager is the step's
     */
    protected void afterCombination(NDList taskLosses, double[][] gram, double[] weights, WeightingContext context) {
    }

    @Override
    public boolean usesRepresentationGradients() {
        return repGrad;
    }

    /**
     * Takes the per-task gradients from the context, asks {@link #combination} for the weights and writes
     * {@code sum_k w_k g_k} as the shared gradient (with {@code rep_grad}: back-propagates
     * {@code sum_k w_k dL_k/dZ}).
     *
     * @throws UnsupportedOperationException when the context offers no per-task gradients of the kind needed
     */
    @Override
    public void backward(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        boolean offered = repGrad ? context.offersRepresentationGradients() : context.offersTaskGradients();
        if (!offered) {
            throw new UnsupportedOperationException("the weighting '" + name + "' needs per-task gradients"
                    + (repGrad ? " of the representations" : "") + ", which this runtime context does not offer");
        }
        double[] values = new double[taskCount()];
        for (int k = 0; k < values.length; k++) {
            values[k] = taskLosses.get(k).getFloat();
        }
        NDList used = transformLosses(taskLosses, context);
        List<NDArray> perSample = null;
        List<NDArray> gradients;
        if (repGrad) {
            // LibMTL's _get_grads with rep_grad: per-sample gradients, summed over the batch for the weights.
            perSample = context.representationGradients(used);
            gradients = new ArrayList<>(perSample.size());
            for (NDArray g : perSample) {
                gradients.add(g.sum(new int[] {0}).reshape(-1));
            }
        } else {
            gradients = context.taskGradients(used);
        }
        double[][] gram = gram(gradients);
        inspect(gradients);
        double[] w = combination(gram, values, context);
        if (w.length != taskCount()) {
            throw new IllegalStateException(name + " produced " + w.length + " weights for " + taskCount() + " tasks");
        }
        setWeights(w);
        afterCombination(taskLosses, gram, w, context);
        if (repGrad) {
            List<NDArray> weighted = new ArrayList<>(perSample.size());
            for (int k = 0; k < perSample.size(); k++) {
                weighted.add(perSample.get(k).mul((float) w[k]));
            }
            context.backwardRepresentations(weighted);
        } else {
            context.setSharedGradient(combine(gradients, w));
        }
    }

    /**
     * A loss-level view for callers that want one scalar: the task losses weighted with the last
     * step's combination weights. {@link #backward} does not use it.
     */
    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        return LossWeighting.weightedSum(taskLosses, taskWeights());
    }

    /**
     * Makes each task-specific parameter's gradient {@code factors[k]} times its task's, as LibMTL's methods
     * that back-propagate {@code sum_k w_k L_k} after computing the task gradients (Nash-MTL, FairGrad,
     * ExcessMTL): after {@link WeightingContext#taskGradients} they hold {@code sum_k grad L_k}, so this
     * back-propagates {@code sum_k (factors[k] - 1) L_k}. The shared parameters' share is overwritten by
     * the shared gradient written afterwards. Call it from {@link #afterCombination}.
     */
    protected static void weighTaskSpecificGradients(NDList taskLosses, double[] factors, WeightingContext context) {
        if (java.util.Arrays.stream(factors).allMatch(f -> f == 1)) {
            return;
        }
        NDArray extra = null;
        for (int k = 0; k < factors.length; k++) {
            NDArray term = Scalars.mul(taskLosses.get(k), factors[k] - 1);
            extra = extra == null ? term : extra.add(term);
        }
        context.backward(extra);
    }

    /** {@code sum_k w_k g_k} of gradient vectors (which record no gradient themselves). */
    protected static NDArray combine(List<NDArray> gradients, double[] w) {
        NDArray sum = gradients.get(0).mul((float) w[0]);
        for (int k = 1; k < gradients.size(); k++) {
            sum.addi(gradients.get(k).mul((float) w[k]));
        }
        return sum;
    }

    /** The Gram matrix of the gradients, in doubles (the dot products themselves are float32, as LibMTL's). */
    protected static double[][] gram(List<NDArray> gradients) {
        int k = gradients.size();
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                g[i][j] = gradients.get(i).dot(gradients.get(j)).toType(DataType.FLOAT64, false)
                        .getDouble();
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** The gradients' norms {@code |g_k| = sqrt(G_kk)} (0 where rounding left {@code G_kk} negative). */
    protected static double[] norms(double[][] gram) {
        double[] out = new double[gram.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(Math.max(gram[i][i], 0));
        }
        return out;
    }
}
