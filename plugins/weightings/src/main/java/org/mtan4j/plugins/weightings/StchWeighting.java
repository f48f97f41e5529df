package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.api.weighting.AbstractWeighting;

/**
 * Smooth Tchebycheff scalarisation (Lin et al., "Smooth Tchebycheff Scalarization for Multi-Objective
 * Optimization", ICML 2024), as LibMTL's weighting/STCH.py after the authors' STCH_MTL code. Up to and
 * including epoch {@code warmupEpoch} the loss is {@code sum_k log(L_k + 1e-20)}; in that last warm-up
 * epoch every step's losses are summed, and their mean is the nadir point {@code z} (fixed at the first
 * step after it). From then on, with {@code l_k = log(L_k / z_k + 1e-20)}, the loss is the smoothed
 * maximum {@code K mu log sum_k exp(l_k / mu)} (LibMTL subtracts {@code K max_k l_k}, a constant that
 * leaves the gradient unchanged; so does this class). As {@code mu -> 0} it tends to the Tchebycheff
 * scalarisation {@code K max_k l_k}; the paper's preference weights are all 1 here, as in LibMTL.
 *
 * <p>The reported weight of task k is the loss's derivative with respect to {@code L_k}: {@code 1 /
 * (L_k + 1e-20)} in the warm-up, {@code K softmax_k(l / mu) / (z_k (L_k / z_k + 1e-20))} after it
 * (LibMTL reports ones). A task whose loss is exactly 0 (a batch without a valid pixel) has a zero
 * gradient whatever its weight; it is reported with weight 0 rather than the derivative's 1e20. A
 * nadir entry that is not positive (a task without a positive loss in the whole warm-up epoch) is
 * replaced by 1.
 */
final class StchWeighting extends AbstractWeighting {

    private static final float FLOOR = 1e-20f;

    private final int count;
    private final double mu;
    private final int warmupEpoch;
    private final double[] lossSum;
    private long lossCount;
    private double[] nadir;

    StchWeighting(List<TaskSpec> tasks, double mu, int warmupEpoch) {
        super(tasks, filled(tasks.size(), 1));
        this.count = tasks.size();
        this.mu = mu;
        this.warmupEpoch = warmupEpoch;
        this.lossSum = new double[count];
    }

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = taskLosses.get(k).getFloat();
        }
        double[] w = new double[count];
        if (context.epoch() <= warmupEpoch) {
            if (context.epoch() == warmupEpoch) {
                for (int k = 0; k < count; k++) {
                    lossSum[k] += values[k];
                }
                lossCount++;
            }
            NDArray total = null;
            for (int k = 0; k < count; k++) {
                NDArray log = taskLosses.get(k).add(FLOOR).log();
                total = total == null ? log : total.add(log);
                w[k] = values[k] == 0 ? 0 : 1 / (values[k] + FLOOR);
            }
            setWeights(w);
            return total;
        }
        if (nadir == null) {
            nadir = new double[count];
            for (int k = 0; k < count; k++) {
                double mean = lossCount == 0 ? values[k] : lossSum[k] / lossCount;
                nadir[k] = mean > 0 ? mean : 1;
            }
        }
        NDList logs = new NDList(count);
        double[] l = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            NDArray log = Scalars.div(taskLosses.get(k), nadir[k]).add(FLOOR).log();
            logs.add(log);
            l[k] = log.getFloat();
            max = Math.max(max, l[k]);
        }
        NDArray shifted = TaskScalars.stack(logs).sub((float) max);
        NDArray total = Scalars.mul(Scalars.div(shifted, mu).exp().sum().log(), mu * count);
        double sum = 0;
        double[] soft = new double[count];
        for (int k = 0; k < count; k++) {
            soft[k] = Math.exp((l[k] - max) / mu);
            sum += soft[k];
        }
        for (int k = 0; k < count; k++) {
            w[k] = values[k] == 0 ? 0 : count * soft[k] / sum / (nadir[k] * (values[k] / nadir[k] + FLOOR));
        }
        setWeights(w);
        return total;
    }

    /** The warm-up epoch's loss sums and step count, and the nadir point once fixed. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("loss-sum", lossSum.clone());
        state.put("loss-count", new double[] {lossCount});
        if (nadir != null) {
            state.put("nadir", nadir.clone());
        }
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        System.arraycopy(States.require(state, "stch", "loss-sum", count), 0, lossSum, 0, count);
        lossCount = States.count(state, "stch", "loss-count");
        nadir = state.containsKey("nadir") ? States.require(state, "stch", "nadir", count) : null;
    }
}
