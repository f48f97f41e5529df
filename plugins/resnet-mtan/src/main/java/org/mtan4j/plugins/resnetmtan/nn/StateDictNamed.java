package org.mtan4j.plugins.resnetmtan.nn;

import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.Map;

/**
 * A block that knows the PyTorch {@code state_dict} names of its parameters in the reference code
 * (models.md, {@code state_dict_shapes/resnet-mtan.txt}), for weight import and export.
 *
 * <p>Entries are trainable parameters and BatchNorm running statistics ({@code running_mean},
 * {@code running_var}; tell them apart with {@link Parameter#requiresGradient()}). PyTorch's
 * {@code num_batches_tracked} has no DJL counterpart and only matters for {@code momentum=None},
 * which the reference does not use. Shapes equal PyTorch's.
 */
public interface StateDictNamed {

    /**
     * Adds this block's entries in PyTorch's registration order, each name prefixed with {@code prefix}.
     *
     * @param prefix a module path ending with a dot, or empty
     * @param into where the entries go (keep order with a {@link java.util.LinkedHashMap})
     */
    void putStateDictEntries(String prefix, Map<String, Parameter> into);

    /** A convolution's {@code weight} and, if it has one, {@code bias}. */
    static void putConv(String prefix, Conv2d conv, Map<String, Parameter> into) {
        ParameterList p = conv.getParameters();
        into.put(prefix + "weight", p.get("weight"));
        if (p.contains("bias")) {
            into.put(prefix + "bias", p.get("bias"));
        }
    }

    /** A BatchNorm's {@code weight}, {@code bias}, {@code running_mean} and {@code running_var}. */
    static void putNorm(String prefix, BatchNorm norm, Map<String, Parameter> into) {
        ParameterList p = norm.getParameters();
        into.put(prefix + "weight", p.get("gamma"));
        into.put(prefix + "bias", p.get("beta"));
        into.put(prefix + "running_mean", p.get("runningMean"));
        into.put(prefix + "running_var", p.get("runningVar"));
    }
}
