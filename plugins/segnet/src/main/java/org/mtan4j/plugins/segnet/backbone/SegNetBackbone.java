package org.mtan4j.plugins.segnet.backbone;

import ai.djl.nn.Parameter;
import java.util.Map;
import org.mtan4j.api.Backbone;

/**
 * A SegNet-family {@link Backbone} that knows the reference's PyTorch names of its parameters, so a
 * weight importer or exporter can map a {@code state_dict} one-to-one (models.md,
 * {@code state_dict_shapes/}).
 */
public interface SegNetBackbone extends Backbone {

    /** Number of feature maps the block returns, one per task. */
    int taskCount();

    /**
     * The trainable parameters and BatchNorm running statistics under the reference's PyTorch names,
     * in PyTorch's order; every DJL parameter of {@link #block()} appears exactly once. The
     * reference's {@code logsigma} (uncertainty weighting) and the heads are not included; see
     * {@link #headPrefix(int)}. Never empty: every SegNet model has reference names.
     */
    @Override
    Map<String, Parameter> stateDictEntries();

    /**
     * The reference's module prefix of task {@code taskIndex}'s head: {@code "pred_task."} for the
     * one-task models (single, STAN), {@code "pred_task<i+1>."} otherwise; pass it to
     * {@link org.mtan4j.plugins.segnet.head.SegNetHead#stateDictEntries(String)}.
     */
    @Override
    String headPrefix(int taskIndex);
}
