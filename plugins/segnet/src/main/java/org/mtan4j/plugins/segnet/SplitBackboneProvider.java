package org.mtan4j.plugins.segnet;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.plugins.segnet.backbone.SegNetTrunk;
import org.mtan4j.plugins.segnet.backbone.SplitBackbone;

/**
 * The {@code split} backbone: one SegNet encoder-decoder shared by every task, each task reading the
 * final decoder map (the paper's "Split, Standard"; models.md "SegNet backbone"). Builds a
 * {@link SplitBackbone}.
 */
public final class SplitBackboneProvider implements BackboneProvider<SplitOptions> {

    /** The YAML name. */
    public static final String NAME = "split";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SegNet encoder-decoder shared by all tasks; every task reads its final decoder features (split, standard).";
    }

    @Override
    public Class<SplitOptions> optionsType() {
        return SplitOptions.class;
    }

    @Override
    public SplitOptions defaultOptions() {
        return SplitOptions.DEFAULT;
    }

    /** Five 2x2 poolings. */
    @Override
    public int inputSizeMultiple() {
        return 1 << SegNetTrunk.LEVELS;
    }

    /**
     * Builds the backbone for the context's image channels and task count.
     *
     * @throws IllegalArgumentException if there is no task or the image height or width is not a
     *     multiple of 32
     */
    @Override
    public SplitBackbone create(SplitOptions options, BackboneContext context) {
        Objects.requireNonNull(options, "options is null");
        Shape image = context.inputShape();
        int multiple = inputSizeMultiple();
        if (image.get(1) % multiple != 0 || image.get(2) % multiple != 0) {
            throw new IllegalArgumentException("backbone 'split' needs image height and width that are multiples of "
                    + multiple + ", got " + image.get(1) + "x" + image.get(2));
        }
        if (context.tasks().isEmpty()) {
            throw new IllegalArgumentException("backbone 'split' needs at least one task");
        }
        SegNetTrunk trunk = new SegNetTrunk(Math.toIntExact(image.get(0)), options.filters(), 1);
        return new SplitBackbone(trunk, context.tasks().size());
    }
}
