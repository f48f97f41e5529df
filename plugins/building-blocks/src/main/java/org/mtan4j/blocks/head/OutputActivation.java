package org.mtan4j.blocks.head;

import ai.djl.ndarray.NDArray;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.blocks.Intermediates;

/**
 * What a per-pixel head applies to its raw {@code (N, C, H, W)} output, by the task's kind (models.md,
 * Prediction head; the DeepLab head of ResNet-MTAN likewise).
 */
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

    /**
     * The activation of a per-pixel task: log-softmax for segmentation, none for depth, L2 normalisation
     * for normals.
     *
     * @throws IllegalArgumentException for classification, which has no per-pixel output
     */
    public static OutputActivation of(TaskKind kind) {
        return switch (kind) {
            case SEGMENTATION -> LOG_SOFTMAX;
            case DEPTH -> IDENTITY;
            case NORMAL -> L2_NORMALIZE;
            default -> throw new IllegalArgumentException("per-pixel heads predict segmentation, depth or normals, not "
                    + kind.yamlName());
        };
    }
}
