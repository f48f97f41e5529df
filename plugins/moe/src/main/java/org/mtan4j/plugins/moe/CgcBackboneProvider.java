package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;
import org.mtan4j.plugins.moe.network.ExtractionNetwork;
import org.mtan4j.plugins.moe.network.SoftmaxGate;

/**
 * {@code cgc}: Customized Gate Control (Tang, Liu, Zhao and Gong, "Progressive Layered Extraction
 * (PLE): A Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020,
 * section 4.2; LibMTL's {@code CGC}). {@code shared-experts} encoder copies serve every task and
 * {@code task-experts} copies serve each task alone; task {@code t}'s softmax gate over the flattened
 * image mixes the shared experts and its own. Without shared experts every task is its own network.
 */
public final class CgcBackboneProvider extends MoeBackboneProvider<CgcOptions> {

    /** The YAML name. */
    public static final String NAME = "cgc";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public CgcBackboneProvider() {
        super(NAME, "CGC (Tang et al., RecSys 2020): shared and task-specific expert encoders, each task's softmax gate mixing"
                + " the shared ones and its own; encoder resnet50-dilated (deeplab heads) or segnet (segnet-* heads).",
                CgcOptions.class, CgcOptions.DEFAULT);
    }

    @Override
    protected ExpertsBackbone build(CgcOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ExpertsBackbone(new ExtractionNetwork("CGC", options.encoders(inChannels), tasks.size(), options.sharedExperts(),
                options.taskExperts(), 1, SoftmaxGate::new));
    }
}
