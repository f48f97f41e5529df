package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Optional;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.api.weighting.AbstractWeighting;

/**
 * Uncertainty weighting (Kendall et al., CVPR 2018) in the form the MTAN code and LibMTL (weighting/UW.py)
 * use: a learned log-variance {@code s_k} per task, initialised to -0.5, and the loss
 * {@code sum_k L_k / (2 exp(s_k)) + s_k / 2}. The reported weight of task k is {@code 1 / (2 exp(s_k))}.
 */
final class UncertaintyWeighting extends AbstractWeighting {

    /** Initial log-variance (LibMTL UW.init_param). */
    static final float INITIAL_LOG_VARIANCE = -0.5f;

    private final TaskScalars block;

    UncertaintyWeighting(List<TaskSpec> tasks) {
        super(tasks, filled(tasks.size(), 1 / (2 * Math.exp(INITIAL_LOG_VARIANCE))));
        this.block = new TaskScalars("log_variance", tasks.size(), INITIAL_LOG_VARIANCE);
    }

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        NDArray losses = TaskScalars.stack(taskLosses);
        NDArray s = block.valuesIn(losses.getManager());
        losses = losses.toType(s.getDataType(), false);
        // sum_k L_k * exp(-s_k) / 2 + s_k / 2
        NDArray total = Scalars.div(losses.mul(s.neg().exp()).add(s), 2).sum();
        float[] values = s.toFloatArray();
        double[] w = new double[values.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 / (2 * Math.exp(values[k]));
        }
        setWeights(w);
        return total;
    }

    @Override
    public Optional<Block> parameters() {
        return Optional.of(block);
    }
}
