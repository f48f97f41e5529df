package org.mtan4j.blocks;

import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import java.util.Map;

/**
 * A block that knows the PyTorch {@code state_dict} names its parameters have in the reference code
 * (models.md, {@code state_dict_shapes/<model>.txt}), so that a weight importer (or exporter) can map
 * tensors one-to-one without guessing from DJL's generated names.
 *
 * <p>Entries are the trainable parameters under their PyTorch names (e.g.
 * {@code encoder_block.0.0.weight}) and the BatchNorm running statistics under their buffer names
 * ({@code ...running_mean}, {@code ...running_var}); tell them apart with
 * {@link Parameter#requiresGradient()}. PyTorch's {@code num_batches_tracked} buffer has no DJL
 * counterpart: it only matters for BatchNorm with {@code momentum=None}, which the reference code does not use.
 * Shapes are identical to PyTorch's (DJL's convolution weight is {@code (out, in, kh, kw)} too).
 */
public interface StateDictNamed {

    /**
     * Adds this block's entries, in PyTorch's registration order, each name prefixed with
     * {@code prefix}.
     *
     * @param prefix the module path ending with a dot, e.g. {@code "encoder_block.0."}, or empty
     * @param into where the entries go; iteration order is kept if it is a {@link java.util.LinkedHashMap}
     */
    void putStateDictEntries(String prefix, Map<String, Parameter> into);

    /**
     * Adds the entries of a PyTorch {@code nn.ModuleList}: module {@code i} under {@code prefix + i + "."}.
     *
     * @param prefix the list's path ending with a dot, e.g. {@code "encoder_block."}
     */
    static void putModuleList(String prefix, List<? extends StateDictNamed> modules, Map<String, Parameter> into) {
        for (int i = 0; i < modules.size(); i++) {
            modules.get(i).putStateDictEntries(prefix + i + ".", into);
        }
    }

    /**
     * Adds the entries of an {@code nn.ModuleList} of {@code nn.ModuleList}s (e.g. one per task): module
     * {@code j} of list {@code i} under {@code prefix + i + "." + j + "."}.
     */
    static void putModuleLists(String prefix, List<? extends List<? extends StateDictNamed>> lists, Map<String, Parameter> into) {
        for (int i = 0; i < lists.size(); i++) {
            putModuleList(prefix + i + ".", lists.get(i), into);
        }
    }

    /**
     * Adds a convolution's {@code weight} and, if it has one, {@code bias} under {@code prefix} (ending
     * with a dot).
     */
    static void putConv(String prefix, Conv2d conv, Map<String, Parameter> into) {
        ParameterList p = conv.getParameters();
        into.put(prefix + "weight", p.get("weight"));
        if (p.contains("bias")) {
            into.put(prefix + "bias", p.get("bias"));
        }
    }

    /** Adds a convolution and the BatchNorm that follows it, each under its own prefix (ending with a dot). */
    static void putConvNorm(String convPrefix, Conv2d conv, String normPrefix, BatchNorm norm, Map<String, Parameter> into) {
        putConv(convPrefix, conv, into);
        putNorm(normPrefix, norm, into);
    }

    /**
     * Adds a BatchNorm's {@code weight}, {@code bias} (DJL's gamma and beta), {@code running_mean} and
     * {@code running_var} under {@code prefix} (ending with a dot).
     */
    static void putNorm(String prefix, BatchNorm norm, Map<String, Parameter> into) {
        ParameterList p = norm.getParameters();
        into.put(prefix + "weight", p.get("gamma"));
        into.put(prefix + "bias", p.get("beta"));
        into.put(prefix + "running_mean", p.get("runningMean"));
        into.put(prefix + "running_var", p.get("runningVar"));
    }
}
