package org.mtan4j.blocks.head;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.StateDictNamed;

/**
 * A task head whose network knows its reference PyTorch names: the task, the block, and the block's
 * {@code state_dict} entries under the prefix the backbone gives ({@code Backbone.headPrefix}). Subclasses
 * add the loss.
 *
 * @param <B> the head's network
 */
public abstract class NamedTaskHead<B extends Block & StateDictNamed> implements TaskHead, StateDictNamed {

    private final TaskSpec task;
    private final B block;

    /** A head for {@code task} computed by {@code block}. */
    protected NamedTaskHead(TaskSpec task, B block) {
        this.task = Objects.requireNonNull(task, "task is null");
        this.block = Objects.requireNonNull(block, "block is null");
    }

    @Override
    public final TaskSpec task() {
        return task;
    }

    @Override
    public final B block() {
        return block;
    }

    /**
     * The head's parameters and BatchNorm statistics under the reference's names, prefixed with
     * {@code prefix}, in PyTorch's order.
     */
    @Override
    public final Map<String, Parameter> stateDictEntries(String prefix) {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        putStateDictEntries(prefix, entries);
        return entries;
    }

    @Override
    public final void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        block.putStateDictEntries(prefix, into);
    }
}
