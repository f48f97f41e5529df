package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;
import org.mtan4j.plugins.moe.network.ExtractionNetwork;
import org.mtan4j.plugins.moe.network.SoftmaxGate;

/**
 * {@code mmoe}: Multi-gate Mixture-of-Experts (Ma, Zhao, Yi, Chen, Hong and Chi, "Modeling Task
 * Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018; LibMTL's
 * {@code MMoE}). {@code experts} copies of the encoder are shared by all tasks; task {@code t} receives
 * {@code sum_k g_t(x)_k E_k(x)} with its own softmax gate {@code g_t} over the flattened image. The
 * experts are shared parameters, the gates task-specific.
 */
public final class MmoeBackboneProvider extends MoeBackboneProvider<MmoeOptions> {

    /** The YAML name. */
    public static final String NAME = "mmoe";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public MmoeBackboneProvider() {
        super(NAME, "MMoE (Ma et al., KDD 2018): shared expert encoders mixed per task by a softmax gate over the flattened"
                + " image; encoder resnet50-dilated (deeplab heads) or segnet (segnet-* heads).", MmoeOptions.class, MmoeOptions.DEFAULT);
    }

    @Override
    protected ExpertsBackbone build(MmoeOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ExpertsBackbone(new ExtractionNetwork("MMoE", options.encoders(inChannels), tasks.size(), options.experts(), 0, 1,
                SoftmaxGate::new));
    }
}
