package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A gate: from a batch of inputs {@code (N, ...)}, flattened per sample as LibMTL's gates read the
 * image (or a level's input), to one weight per expert and sample, {@code (N, experts)}, each row
 * summing to 1. Its layers are sized for the input it is initialised with (their fan-in is the
 * flattened size), so a network with gates takes only the image size it was initialised for.
 */
public abstract class Gate extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int experts;
    private Shape sample;

    /**
     * A gate over {@code experts} experts.
     *
     * @throws IllegalArgumentException if {@code experts} is not positive
     */
    protected Gate(int experts) {
        super(VERSION);
        if (experts < 1) {
            throw new IllegalArgumentException("a gate needs at least one expert, got " + experts);
        }
        this.experts = experts;
    }

    /** The number of experts it weighs. */
    public final int experts() {
        return experts;
    }

    /** A fully connected layer's weight or bias, shaped and initialised when the gate is. */
    protected final Parameter addLayerParameter(String name, Parameter.Type type) {
        return addParameter(Parameter.builder().setName(name).setType(type).build());
    }

    /**
     * Shapes and initialises the layers for {@code inputSize} inputs per sample ({@link Parameter#setShape},
     * {@link Parameter#setInitializer}).
     */
    protected abstract void prepareLayers(long inputSize);

    /** The expert weights {@code (N, experts)} of flattened inputs {@code (N, inputSize)}. */
    protected abstract NDArray weights(ParameterStore ps, NDArray flat, boolean training);

    /** Sets a layer parameter's shape and initialiser. */
    protected static void prepare(Parameter parameter, Shape shape, Initializer initializer) {
        parameter.setShape(shape);
        parameter.setInitializer(initializer);
    }

    @Override
    protected final void prepare(Shape[] inputShapes) {
        sample = inputShapes[0].slice(1);
        prepareLayers(sample.size());
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape in = x.getShape();
        if (sample != null && !in.slice(1).equals(sample)) {
            throw new IllegalArgumentException("a gate built for inputs " + sample + " per sample got " + in.slice(1)
                    + ": the gates read the whole flattened input, so images must keep the size the network was built for");
        }
        NDArray flat = x.reshape(in.get(0), -1);
        NDArray weights = weights(ps, flat, training);
        if (flat != x) {
            flat.close();
        }
        return new NDList(weights);
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), experts)};
    }
}
