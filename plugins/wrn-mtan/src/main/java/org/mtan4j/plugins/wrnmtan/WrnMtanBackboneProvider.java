package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;

/**
 * {@code wrn-mtan}: MTAN on a pre-activation wide ResNet (WRN-28-4 by default) with one attention
 * path per task, for the Visual Decathlon (models.md, WRN-MTAN); pair it with the {@code linear}
 * head. Image sizes must be multiples of 8 (three stride-2 stages); the paper uses 72x72.
 * Initialisation: PyTorch's defaults throughout, as the reference (its {@code conv_init} is never
 * applied).
 */
public final class WrnMtanBackboneProvider implements BackboneProvider<WrnMtanOptions> {

    /** The YAML name. */
    public static final String NAME = "wrn-mtan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public WrnMtanBackboneProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "WRN-MTAN: pre-activation wide ResNet (28-4) with a soft-attention path per task, for the Visual Decathlon;"
                + " use with the 'linear' head.";
    }

    @Override
    public Class<WrnMtanOptions> optionsType() {
        return WrnMtanOptions.class;
    }

    @Override
    public WrnMtanOptions defaultOptions() {
        return WrnMtanOptions.DEFAULT;
    }

    /** Three stride-2 stages whose sizes the attention path's 2x2 pools must match. */
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
    public WrnMtanBackbone create(WrnMtanOptions options, BackboneContext context) {
        Objects.requireNonNull(options, "options is null");
        Shape image = context.inputShape();
        if (image.get(1) % 8 != 0 || image.get(2) % 8 != 0) {
            throw new IllegalArgumentException("backbone '" + NAME + "' needs image height and width that are multiples of 8, got "
                    + image.get(1) + "x" + image.get(2));
        }
        if (context.tasks().isEmpty()) {
            throw new IllegalArgumentException("backbone '" + NAME + "' needs at least one task");
        }
        return new WrnMtanBackbone(new WrnMtanBlock(Math.toIntExact(image.get(0)), options, context.tasks().size()));
    }
}
