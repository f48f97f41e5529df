package org.mtan4j.plugins.segnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;

/** SegNet backbones built by their providers and initialised, for the tests. */
final class Backbones {

    /** A batch of two 64x96 images. */
    static final Shape BATCH = new Shape(2, 3, 64, 96);

    private Backbones() {
    }

    /** The provider's backbone for {@code tasks}, initialised on {@code manager} for {@link #BATCH}. */
    static <O> SegNetBackbone initialised(BackboneProvider<O> provider, O options, List<TaskSpec> tasks, NDManager manager) {
        SegNetBackbone backbone = (SegNetBackbone) provider.create(options, new BackboneContext(tasks, new Shape(3, 64, 96)));
        backbone.block().initialize(manager, DataType.FLOAT32, BATCH);
        return backbone;
    }
}
