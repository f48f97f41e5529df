package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.mtan4j.api.nd.Scalars;

/**
 * A weighting's learned per-task scalars (uncertainty's log-variances, IMTL's loss scales, GradNorm's
 * logits): one parameter of shape (K) with a constant initial value, handed to the runtime through
 * {@link org.mtan4j.api.Weighting#parameters()} so the run's optimiser trains it and checkpoints hold it.
 * Its forward (unused by the runtime) returns the values.
 */
final class TaskScalars extends AbstractBlock {

    private final int count;
    private final Parameter parameter;

    /**
     * @param name the parameter's name in checkpoints
     * @param count K
     * @param initial every element's initial value
     */
    TaskScalars(String name, int count, float initial) {
        this.count = count;
        this.parameter = addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER)
                .optShape(new Shape(count)).optInitializer(new ConstantInitializer(initial)).build());
    }

    /** The current values, recording gradients (the block must be initialised). */
    NDArray values() {
        return parameter.getArray();
    }

    /**
     * The current values as a differentiable copy attached to {@code manager} (the step's), so the
     * step's arithmetic on them never lands on the parameter's long-lived manager.
     */
    NDArray valuesIn(NDManager manager) {
        NDArray copy = Scalars.mul(parameter.getArray(), 1);
        copy.attach(manager);
        return copy;
    }

    /** The scalars of {@code list} as one 1-d array, keeping the graph. */
    static NDArray stack(NDList list) {
        NDList flat = new NDList(list.size());
        for (NDArray a : list) {
            flat.add(a.reshape(1));
        }
        return flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(parameterStore.getValue(parameter, inputs.head().getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(count)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children; the parameter's shape is fixed at construction
    }
}
