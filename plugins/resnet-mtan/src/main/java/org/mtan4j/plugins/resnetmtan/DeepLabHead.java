package org.mtan4j.plugins.resnetmtan;

import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.head.DenseTaskHead;

/**
 * A DeepLabv3 task head ({@link DeepLabHeadBlock}) with the loss of its task's kind (models.md,
 * Losses): semantic NLL ignoring {@code task.ignoreValue()}, masked depth L1, 1 - masked cosine for
 * normals. PyTorch names via {@link #putStateDictEntries} with {@code decoders.<i>.}.
 */
public final class DeepLabHead extends DenseTaskHead<DeepLabHeadBlock> {

    DeepLabHead(TaskSpec task, DeepLabHeadBlock block) {
        super(task, block);
    }
}
