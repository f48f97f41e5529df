package org.mtan4j.plugins.segnet.head;

import ai.djl.ndarray.NDArray;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.blocks.Intermediates;

/** What a SegNet head applies to its raw {@code (N, C, H, W)} output (models.md, Prediction head). */
public enum OutputActivation {

    /** Log-softmax over channels: log-probabilities for semantic segmentation. */
    LOG_SOFTMAX {
        @Override
        public NDArray apply(NDArray raw) {
            return raw.logSoftmax(1);
        }
    },

    /** The raw output (depth). */
    IDENTITY {
        @Override
        public NDArray apply(NDArray raw) {
            return raw;
        }
    },

    /**
     * Divided by its own L2 norm over channels (surface normals), as the reference
     * ({@code pred / torch.norm(pred, p=2, dim=1, keepdim=True)}), except that the norm is floored at
     * 1e-12 (as {@code F.normalize}): values are identical wherever the norm exceeds that, and an
     * all-zero output (a pixel whose features are all zero, common in narrow networks whose biases
     * start at 0) gives a zero normal instead of NaN that would poison every gradient.
     */
    L2_NORMALIZE {
        @Override
        public NDArray apply(NDArray raw) {
            NDArray norm = raw.norm(2, new int[] {1}, true);
            NDArray floored = Scalars.maximum(norm, 1e-12f);
            NDArray out = raw.div(floored);
            // Autograd keeps what backward needs; see Intermediates.
            Intermediates.release(norm, floored);
            return out;
        }
    };

    /** Applies the activation. */
    public abstract NDArray apply(NDArray raw);
}
