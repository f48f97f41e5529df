package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.moe.network.DSelectKGate;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;
import org.mtan4j.plugins.moe.network.ExtractionNetwork;

/**
 * {@code dselect-k}: DSelect-k (Hazimeh, Zhao, Chowdhery, Sathiamoorthy, Chen, Mazumder, Hong and Chi,
 * "DSelect-k: Differentiable Selection in the Mixture of Experts with Applications to Multi-Task
 * Learning", NeurIPS 2021; LibMTL's {@code DSelect_k}): MMoE whose per-task gate is DSelect-k's
 * differentiable selection of at most {@code k} experts ({@link DSelectKGate}).
 */
public final class DSelectKBackboneProvider extends MoeBackboneProvider<DSelectKOptions> {

    /** The YAML name. */
    public static final String NAME = "dselect-k";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DSelectKBackboneProvider() {
        super(NAME, "DSelect-k (Hazimeh et al., NeurIPS 2021): shared expert encoders, each task's gate a differentiable"
                + " selection of k of them by binary codes and smooth steps; encoder resnet50-dilated (deeplab heads) or segnet"
                + " (segnet-* heads).", DSelectKOptions.class, DSelectKOptions.DEFAULT);
    }

    @Override
    protected ExpertsBackbone build(DSelectKOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ExpertsBackbone(new ExtractionNetwork("DSelect-k", options.encoders(inChannels), tasks.size(), options.experts(), 0,
                1, experts -> new DSelectKGate(experts, options.k(), options.gamma())));
    }
}
