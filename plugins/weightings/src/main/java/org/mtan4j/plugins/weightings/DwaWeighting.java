package org.mtan4j.plugins.weightings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.LossWeighting;

/**
 * Dynamic Weight Average (Liu et al., CVPR 2019, eq. 7): {@code lambda_k = K exp(w_k / T) / sum_j exp(w_j / T)}
 * with {@code w_k = L_k(e - 1) / L_k(e - 2)} the ratio of task k's mean training loss over the last
 * two epochs; {@code lambda = 1} in epochs 0 and 1 (LibMTL weighting/DWA.py: {@code epoch > 1}).
 */
final class DwaWeighting extends LossWeighting {

    private final double temperature;
    /** Mean training losses per finished epoch, index = epoch. */
    private final List<double[]> history = new ArrayList<>();

    DwaWeighting(List<TaskSpec> tasks, double temperature) {
        super(tasks, filled(tasks.size(), 1));
        this.temperature = temperature;
    }

    @Override
    protected double[] stepWeights(WeightingContext context) {
        return weightsFor(context.epoch());
    }

    /** The weights used in {@code epoch}, from the history recorded so far. */
    double[] weightsFor(int epoch) {
        int k = tasks().size();
        if (epoch < 2 || history.size() < epoch) {
            return filled(k, 1);
        }
        double[] last = history.get(epoch - 1);
        double[] before = history.get(epoch - 2);
        double[] scaled = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            scaled[i] = last[i] / before[i] / temperature;
            max = Math.max(max, scaled[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            scaled[i] = Math.exp(scaled[i] - max); // shifted for a stable softmax; the ratio is unchanged
            sum += scaled[i];
        }
        for (int i = 0; i < k; i++) {
            scaled[i] = k * scaled[i] / sum;
        }
        return scaled;
    }

    @Override
    public void onEpochEnd(int epoch, double[] meanTaskLosses) {
        while (history.size() <= epoch) {
            history.add(null);
        }
        history.set(epoch, meanTaskLosses.clone());
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(tasks().size());
    }

    /** The mean losses of each finished epoch, as {@code history.<epoch>}. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new java.util.LinkedHashMap<>();
        for (int e = 0; e < history.size(); e++) {
            if (history.get(e) != null) {
                state.put("history." + e, history.get(e).clone());
            }
        }
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        history.clear();
        for (String key : state.keySet()) {
            if (!key.matches("history\\.\\d+")) {
                throw new IllegalArgumentException("the state of weighting 'dwa' has an unknown key '" + key + "'");
            }
            onEpochEnd(Integer.parseInt(key.substring("history.".length())),
                    States.require(state, "dwa", key, tasks().size()));
        }
    }
}
