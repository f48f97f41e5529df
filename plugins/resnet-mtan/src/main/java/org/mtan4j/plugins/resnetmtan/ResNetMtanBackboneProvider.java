package org.mtan4j.plugins.resnetmtan;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.CheckedBackboneProvider;

/**
 * {@code resnet-mtan}: MTAN on a dilated ResNet-50 (output stride 8) for DeepLabv3 heads (models.md,
 * ResNet-MTAN). Pair it with the {@code deeplab} head. Image sizes must be multiples of 8 (models.md:
 * the output stride).
 *
 * <p>Initialisation: the trunk as torchvision's ResNet (convolutions Kaiming-normal over fan-out,
 * BatchNorm 1/0) and everything else with PyTorch's defaults (models.md); the paper starts the trunk
 * from ImageNet weights, which can be loaded through {@link ResNetMtanBackbone#trunkStateDictEntries()}.
 */
public final class ResNetMtanBackboneProvider extends CheckedBackboneProvider<ResNetMtanOptions, ResNetMtanBackbone> {

    /** The YAML name. */
    public static final String NAME = "resnet-mtan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public ResNetMtanBackboneProvider() {
        super(NAME,
                "ResNet-MTAN: dilated ResNet-50 (output stride 8) with a soft-attention branch per task on each stage"
                + " (the paper's DeepLabv3 setting); use with the 'deeplab' head.", ResNetMtanOptions.class,
                ResNetMtanOptions.DEFAULT, 8, 1, Integer.MAX_VALUE);
    }

    @Override
    protected ResNetMtanBackbone build(ResNetMtanOptions options, int inChannels, List<TaskSpec> tasks) {
        return new ResNetMtanBackbone(new ResNetMtanBlock(inChannels, options, tasks.size()));
    }
}
