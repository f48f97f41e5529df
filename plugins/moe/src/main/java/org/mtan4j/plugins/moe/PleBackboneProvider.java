package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;
import org.mtan4j.plugins.moe.network.ExtractionNetwork;
import org.mtan4j.plugins.moe.network.SoftmaxGate;

/**
 * {@code ple}: Progressive Layered Extraction (Tang, Liu, Zhao and Gong, RecSys 2020, section 4.3):
 * CGC repeated over {@code levels} groups of the encoder's stages, with a shared gate between levels
 * that mixes every expert into the shared experts' next input (see
 * {@link org.mtan4j.plugins.moe.network.ExtractionNetwork}, which also says how LibMTL's {@code PLE}
 * differs). One level is CGC.
 */
public final class PleBackboneProvider extends MoeBackboneProvider<PleOptions> {

    /** The YAML name. */
    public static final String NAME = "ple";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public PleBackboneProvider() {
        super(NAME, "PLE (Tang et al., RecSys 2020): CGC at each of several levels of the encoder's stages, a shared gate"
                + " passing every expert's output on to the shared experts; encoder resnet50-dilated (deeplab heads) or segnet"
                + " (segnet-* heads).", PleOptions.class, PleOptions.DEFAULT);
    }

    @Override
    protected ExpertsBackbone build(PleOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ExpertsBackbone(new ExtractionNetwork("PLE", options.encoders(inChannels), tasks.size(), options.sharedExperts(),
                options.taskExperts(), options.levels(), SoftmaxGate::new));
    }
}
