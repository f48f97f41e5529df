package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.moe.network.BranchingNetwork;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;

/**
 * {@code ltb}: Learning to Branch (Guo, Lee and Ulbricht, "Learning to Branch for Multi-Task
 * Learning", ICML 2020; LibMTL's {@code LTB}): one encoder column per task, each choosing at the
 * branching stages which column it continues from by Gumbel-softmax sampling, with a warm-up and a
 * temperature that falls with the epochs ({@link BranchingNetwork}).
 */
public final class LtbBackboneProvider extends MoeBackboneProvider<LtbOptions> {

    /** The YAML name. */
    public static final String NAME = "ltb";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public LtbBackboneProvider() {
        super(NAME, "LTB (Guo et al., ICML 2020): an encoder column per task that learns, by Gumbel-softmax sampling, which"
                + " column to branch from at each branching stage; encoder resnet50-dilated (deeplab heads) or segnet (segnet-* heads).",
                LtbOptions.class, LtbOptions.DEFAULT);
    }

    @Override
    protected ExpertsBackbone build(LtbOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ExpertsBackbone(new BranchingNetwork(options.encoders(inChannels), tasks.size(), options.branchingStages(),
                options.warmupFraction(), options.temperatureScale()));
    }
}
