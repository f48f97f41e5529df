package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;

/**
 * The reference's per-task classifier (models.md, WRN-MTAN): average pool (kernel = stride =
 * {@code pool}, or global), flatten, {@code Linear(C -> classes)} (PyTorch default init), softmax;
 * the output is {@code log(softmax + 1e-20)}, the very term the reference's loss takes the log of, so
 * {@code exp} of the output sums to 1 (up to {@code classes * 1e-20}) and the loss
 * {@code -sum(onehot * output)} equals the reference's {@code -sum(onehot * log(p + 1e-20))}.
 * Input {@code (N, C, H, W)} (or {@code (N, C)}), output {@code (N, classes)}.
 *
 * <p>PyTorch names ({@code linear.<i>.} prefix from the caller): {@code 0.weight}, {@code 0.bias}.
 */
final class LinearHeadBlock extends AbstractBlock implements StateDictNamed {

    /** The reference's guard against log(0). */
    static final float LOG_EPSILON = 1e-20f;

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int classes;
    private final int pool;
    private final Linear linear;

    LinearHeadBlock(int inChannels, int classes, int pool) {
        super(VERSION);
        this.inChannels = inChannels;
        this.classes = classes;
        this.pool = pool;
        this.linear = addChildBlock("linear", Layers.linear(inChannels, classes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = check(x.getShape());
        NDArray flat = x;
        if (s.dimension() == 4) {
            NDArray pooled = pool == 0 ? Pool.globalAvgPool2d(x)
                    : Pool.avgPool2d(x, new Shape(pool, pool), new Shape(pool, pool), new Shape(0, 0), false, true);
            flat = pooled.reshape(s.get(0), inChannels);
        }
        NDArray logits = linear.forward(ps, new NDList(flat), training, params).singletonOrThrow();
        return new NDList(logits.softmax(1).add(LOG_EPSILON).log());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = check(inputShapes[0]);
        linear.initialize(manager, dataType, new Shape(in.get(0), inChannels));
    }

    private Shape check(Shape in) {
        boolean ok = in.dimension() == 2 && in.get(1) == inChannels;
        if (in.dimension() == 4 && in.get(1) == inChannels) {
            // avg_pool2d(x, pool) must leave one position, as the reference's view(N, -1) feeds C values.
            ok = pool == 0 || (in.get(2) >= pool && in.get(3) >= pool && (in.get(2) - pool) / pool == 0
                    && (in.get(3) - pool) / pool == 0);
        }
        if (!ok) {
            throw new IllegalArgumentException("linear head expects (N, " + inChannels + ") or (N, " + inChannels
                    + ", H, W) that average pooling " + (pool == 0 ? "(global)" : "with kernel " + pool)
                    + " reduces to 1x1 (H and W in [" + pool + ", " + (2 * pool - 1) + "]), got " + in);
        }
        return in;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        into.put(prefix + "0.weight", linear.getParameters().get("weight"));
        into.put(prefix + "0.bias", linear.getParameters().get("bias"));
    }
}
