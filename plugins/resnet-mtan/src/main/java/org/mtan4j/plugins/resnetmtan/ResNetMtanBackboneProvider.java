package org.mtan4j.plugins.resnetmtan;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;

/**
 * {@code resnet-mtan}: MTAN on a dilated ResNet-50 (output stride 8) for DeepLabv3 heads (models.md,
 * ResNet-MTAN). Pair it with the {@code deeplab} head. Image sizes must be multiples of 8.
 *
 * <p>Initialisation: the trunk as torchvision's ResNet (convolutions Kaiming-normal over fan-out,
 * BatchNorm 1/0) and everything else with PyTorch's defaults (models.md); the paper starts the trunk
 * from ImageNet weights, which can be loaded through {@link ResNetMtanBackbone#trunkStateDictEntries()}.
 */
public final class ResNetMtanBackboneProvider implements BackboneProvider<ResNetMtanOptions> {

    /** The YAML name. */
    public static final String NAME = "resnet-mtan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public ResNetMtanBackboneProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ResNet-MTAN: dilated ResNet-50 (output stride 8) with a soft-attention branch per task on each stage"
                + " (the paper's DeepLabv3 setting); use with the 'deeplab' head.";
    }

    @Override
    public Class<ResNetMtanOptions> optionsType() {
        return ResNetMtanOptions.class;
    }

    @Override
    public ResNetMtanOptions defaultOptions() {
        return ResNetMtanOptions.DEFAULT;
    }

    /** Output stride 8 (models.md: sizes are multiples of 8). */
    @Override
    public int inputSizeMultiple() {
        return 8;
    }

    /**
     * Builds the backbone.
     *
     * @throws IllegalArgumentException if the image height or width is not a multiple of 8
     */
    @Override
    public ResNetMtanBackbone create(ResNetMtanOptions options, BackboneContext context) {
        Objects.requireNonNull(options, "options is null");
        Shape image = context.inputShape();
        if (image.get(1) % 8 != 0 || image.get(2) % 8 != 0) {
            throw new IllegalArgumentException("backbone '" + NAME + "' needs image height and width that are multiples of 8, got "
                    + image.get(1) + "x" + image.get(2));
        }
        if (context.tasks().isEmpty()) {
            throw new IllegalArgumentException("backbone '" + NAME + "' needs at least one task");
        }
        return new ResNetMtanBackbone(new ResNetMtanBlock(Math.toIntExact(image.get(0)), options, context.tasks().size()));
    }
}
