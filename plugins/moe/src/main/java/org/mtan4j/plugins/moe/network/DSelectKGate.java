package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.mtan4j.api.nd.EngineArrays;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.blocks.PyTorchInit;

/**
 * DSelect-k's gate (Hazimeh et al., "DSelect-k: Differentiable Selection in the Mixture of Experts with
 * Applications to Multi-Task Learning", NeurIPS 2021, sections 3.1-3.2; LibMTL's {@code DSelect_k}), for
 * {@code n} experts, a power of two, and {@code k} selectors, per sample:
 * <pre>
 *   z   = Z x + b_z                 k selectors of m = log2(n) logits each
 *   r_i(e) = prod_d (bit_d(e) ? S(z_id) : 1 - S(z_id))   selector i's weight on expert e
 *   S(t) = 0 (t &lt;= -g/2), 1 (t &gt;= g/2), else -2/g^3 t^3 + 3/(2g) t + 1/2    the smooth step, gamma g
 *   a   = softmax(W x + b_w)         weights of the k selectors
 *   w(e) = sum_i a_i r_i(e)          the expert weights
 * </pre>
 * with {@code bit_d(e)} the {@code d}-th binary digit of {@code e}, most significant first. Each
 * selector's weights sum to 1 over the experts (a product of binary choices), so the expert weights do;
 * once the smooth steps saturate at 0 or 1 every selector picks a single expert and at most {@code k}
 * experts have a weight. Initialisation as LibMTL (after the official code): {@code Z} and {@code b_z}
 * uniform in {@code +-gamma/100}, {@code W} and {@code b_w} in {@code +-0.05}.
 *
 * <p>The paper's optional entropy regulariser on the selectors (LibMTL adds {@code 1e-6} times it by a
 * backward pass inside the forward) is not applied: a backbone has no way to add a loss. It is also why
 * {@code n} must be a power of two: with other counts the paper needs an extra loss that keeps the
 * selectors off the codes of experts that do not exist.
 */
public final class DSelectKGate extends Gate {

    private final int selectors;
    private final int digits;
    private final double gamma;
    private final Parameter selectorWeight;
    private final Parameter selectorBias;
    private final Parameter mixWeight;
    private final Parameter mixBias;

    /**
     * A gate.
     *
     * @param experts {@code n}, a power of two, at least 2
     * @param selectors {@code k}, from 1 to {@code n}
     * @param gamma the smooth step's width, positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public DSelectKGate(int experts, int selectors, double gamma) {
        super(experts);
        if (experts < 2 || Integer.bitCount(experts) != 1) {
            throw new IllegalArgumentException("DSelect-k needs a power of two of experts, at least 2, got " + experts);
        }
        if (selectors < 1 || selectors > experts) {
            throw new IllegalArgumentException("DSelect-k needs 1 to " + experts + " selectors, got " + selectors);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("the smooth step's gamma must be positive, got " + gamma);
        }
        this.selectors = selectors;
        this.digits = Integer.numberOfTrailingZeros(experts);
        this.gamma = gamma;
        selectorWeight = addLayerParameter("z_weight", Parameter.Type.WEIGHT);
        selectorBias = addLayerParameter("z_bias", Parameter.Type.BIAS);
        mixWeight = addLayerParameter("w_weight", Parameter.Type.WEIGHT);
        mixBias = addLayerParameter("w_bias", Parameter.Type.BIAS);
    }

    /** {@code k}. */
    public int selectors() {
        return selectors;
    }

    @Override
    protected void prepareLayers(long inputSize) {
        prepare(selectorWeight, new Shape((long) selectors * digits, inputSize), PyTorchInit.uniform(gamma / 100));
        prepare(selectorBias, new Shape((long) selectors * digits), PyTorchInit.uniform(gamma / 100));
        prepare(mixWeight, new Shape(selectors, inputSize), PyTorchInit.uniform(0.05));
        prepare(mixBias, new Shape(selectors), PyTorchInit.uniform(0.05));
    }

    @Override
    protected NDArray weights(ParameterStore ps, NDArray flat, boolean training) {
        long n = flat.getShape().get(0);
        NDArray selectorWeights = selectorWeights(ps, flat, training); // (N, k, experts)
        NDArray mixLogits = Linear.linear(flat, ps.getValue(mixWeight, flat.getDevice(), training),
                ps.getValue(mixBias, flat.getDevice(), training)).singletonOrThrow();
        NDArray mix = mixLogits.softmax(1).reshape(n, selectors, 1);
        return mix.mul(selectorWeights).sum(new int[] {1});
    }

    /** Each selector's weights over the experts, {@code (N, k, experts)}; each row sums to 1. */
    NDArray selectorWeights(ParameterStore ps, NDArray flat, boolean training) {
        long n = flat.getShape().get(0);
        NDArray z = Linear.linear(flat, ps.getValue(selectorWeight, flat.getDevice(), training),
                ps.getValue(selectorBias, flat.getDevice(), training)).singletonOrThrow();
        NDArray step = smoothStep(z.reshape(n, selectors, 1, digits));
        NDArray codes = binaryCodes(flat);
        // bit ? S : 1 - S, as products with 0 and 1 (exact).
        NDArray choices = step.mul(codes).add(step.neg().add(1f).mul(codes.neg().add(1f)));
        return choices.prod(new int[] {3});
    }

    /** The smooth step {@code S} of every element. */
    NDArray smoothStep(NDArray t) {
        double g = gamma;
        NDArray cubic = Scalars.mul(t.mul(t).mul(t), -2 / (g * g * g)).add(Scalars.mul(t, 3 / (2 * g))).add(0.5f);
        NDArray upper = NDArrays.where(t.gte(g / 2), t.onesLike(), cubic);
        return NDArrays.where(t.lte(-g / 2), t.zerosLike(), upper);
    }

    /** {@code (1, 1, experts, m)}: expert {@code e}'s binary digits, most significant first, as 0 and 1. */
    private NDArray binaryCodes(NDArray like) {
        int n = experts();
        float[] bits = new float[n * digits];
        for (int e = 0; e < n; e++) {
            for (int d = 0; d < digits; d++) {
                bits[e * digits + d] = (e >> (digits - 1 - d)) & 1;
            }
        }
        // Autograd reads the codes in the backward pass: engine-owned memory.
        try (NDArray java = like.getManager().create(bits, new Shape(1, 1, n, digits))) {
            return EngineArrays.ownedCopy(java, DataType.FLOAT32, like.getDevice());
        }
    }

    @Override
    public String toString() {
        return "DSelectKGate(" + experts() + " experts, k " + selectors + ", gamma " + gamma + ")";
    }
}
