package org.mtan4j.plugins.segnet.nn;

import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * A block that knows the PyTorch {@code state_dict} names its parameters have in the paper's code, so
 * that a weight importer (or exporter) can map tensors one-to-one without guessing from DJL's
 * generated names.
 *
 * <p>Entries are the trainable parameters under their PyTorch names (e.g.
 * {@code encoder_block.0.0.weight}) and the BatchNorm running statistics under their buffer names
 * ({@code ...running_mean}, {@code ...running_var}); tell them apart with
 * {@link Parameter#requiresGradient()}. PyTorch's {@code num_batches_tracked} buffer has no DJL
 * counterpart: it only matters for BatchNorm with {@code momentum=None}, which the paper does not use.
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
}
