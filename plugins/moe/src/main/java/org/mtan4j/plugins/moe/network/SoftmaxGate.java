package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.mtan4j.blocks.PyTorchInit;

/**
 * The gate of MMoE, CGC and PLE: a fully connected layer from the flattened input to one logit per
 * expert, then a softmax over the experts ({@code nn.Sequential(nn.Linear(input_size, experts),
 * nn.Softmax(dim=-1))} in LibMTL; Ma et al., KDD 2018, eq. 5). PyTorch's default initialisation:
 * weight and bias uniform in {@code +-1/sqrt(input_size)}.
 */
public final class SoftmaxGate extends Gate {

    private final Parameter weight;
    private final Parameter bias;

    /** A gate over {@code experts} experts. */
    public SoftmaxGate(int experts) {
        super(experts);
        weight = addLayerParameter("weight", Parameter.Type.WEIGHT);
        bias = addLayerParameter("bias", Parameter.Type.BIAS);
    }

    @Override
    protected void prepareLayers(long inputSize) {
        prepare(weight, new Shape(experts(), inputSize), PyTorchInit.defaultUniform(inputSize));
        prepare(bias, new Shape(experts()), PyTorchInit.defaultUniform(inputSize));
    }

    @Override
    protected NDArray weights(ParameterStore ps, NDArray flat, boolean training) {
        NDArray logits = Linear.linear(flat, ps.getValue(weight, flat.getDevice(), training),
                ps.getValue(bias, flat.getDevice(), training)).singletonOrThrow();
        NDArray weights = logits.softmax(1);
        logits.close();
        return weights;
    }

    @Override
    public String toString() {
        return "SoftmaxGate(" + experts() + " experts)";
    }
}
