package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.mtan4j.blocks.Intermediates;

/** Weighted sums of expert outputs, the mixtures of every architecture here. */
final class Mixing {

    private Mixing() {
    }

    /**
     * {@code sum_e weights[:, e] * outputs[e]}, per sample: LibMTL's
     * {@code einsum('ij..., ji -> j...', stack(outputs), weights)}. One expert with weight 1 gives its
     * output exactly.
     *
     * @param outputs the experts' maps, all {@code (N, C, H, W)}
     * @param weights {@code (N, outputs.size())}
     */
    static NDArray perSample(List<NDArray> outputs, NDArray weights) {
        Shape map = outputs.get(0).getShape();
        NDArray sum = null;
        for (int e = 0; e < outputs.size(); e++) {
            NDArray w = weights.get(new NDIndex(":, {}", e)).reshape(map.get(0), 1, 1, 1);
            sum = accumulate(sum, outputs.get(e).mul(w));
            w.close();
        }
        return sum;
    }

    /**
     * {@code sum_j alpha[row, j] * outputs[j]}: one row of a mixing matrix, the same for every sample
     * (LTB's choice of parents).
     *
     * @param alpha {@code (rows, outputs.size())}
     */
    static NDArray row(List<NDArray> outputs, NDArray alpha, int row) {
        NDArray sum = null;
        for (int j = 0; j < outputs.size(); j++) {
            sum = accumulate(sum, outputs.get(j).mul(alpha.get(new NDIndex("{}, {}", row, j))));
        }
        return sum;
    }

    /** {@code sum + term}, releasing both (autograd keeps what it needs); {@code term} when there is no sum yet. */
    private static NDArray accumulate(NDArray sum, NDArray term) {
        if (sum == null) {
            return term;
        }
        NDArray next = sum.add(term);
        Intermediates.release(sum, term);
        return next;
    }
}
