package org.mtan4j.plugins.resnetmtan;

import java.util.Objects;
import java.util.Set;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * {@code deeplab}: the DeepLabv3 head of ResNet-MTAN (models.md) for segmentation, depth and normals;
 * {@code 16,125,440 + 257 C} parameters with the paper's options on 2048-channel features.
 */
public final class DeepLabHeadProvider extends AbstractPluginProvider<DeepLabOptions>
        implements TaskHeadProvider<DeepLabOptions> {

    /** The YAML name. */
    public static final String NAME = "deeplab";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DeepLabHeadProvider() {
        super(NAME,
                "DeepLabv3 head (ASPP rates 12/24/36 + global pooling, dropout 0.5, align-corners upsampling x8) for"
                + " segmentation, depth and normals, as ResNet-MTAN.",
                DeepLabOptions.class, DeepLabOptions.DEFAULT);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.SEGMENTATION, TaskKind.DEPTH, TaskKind.NORMAL);
    }

    /**
     * Builds the head.
     *
     * @throws IllegalArgumentException for a classification task, a normal task whose ignore value is
     *     not 0 (unknown normals are all-zero targets), or non-positive {@code featureChannels}
     */
    @Override
    public DeepLabHead create(DeepLabOptions options, TaskSpec task, int featureChannels) {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(task, "task is null");
        if (!supportedKinds().contains(task.kind())) {
            throw new IllegalArgumentException("head '" + NAME + "' predicts per-pixel maps; task '" + task.name()
                    + "' is " + task.kind().yamlName());
        }
        if (featureChannels < 1) {
            throw new IllegalArgumentException("featureChannels must be positive, got " + featureChannels);
        }
        DeepLabHead.requirePerPixel(task);
        return new DeepLabHead(task, new DeepLabHeadBlock(featureChannels, task.outputChannels(), task.kind(), options));
    }
}
