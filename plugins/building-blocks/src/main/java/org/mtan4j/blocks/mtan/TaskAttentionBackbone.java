package org.mtan4j.blocks.mtan;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtan4j.api.Backbone;

/**
 * A {@link Backbone} over a {@link TaskAttentionNetwork}: one attended feature map per task, the
 * shared parameters (the trunk and the shared blocks every task's path runs through; the attention
 * layers are task-specific), the reference's PyTorch names, and the reference's module of task
 * {@code i}'s head, {@code <headModule>.<i>.}.
 *
 * @param <N> the network
 */
public class TaskAttentionBackbone<N extends TaskAttentionNetwork> implements Backbone {

    private final N network;
    private final String headModule;

    /**
     * A backbone.
     *
     * @param headModule the reference's module holding the heads, e.g. {@code decoders}
     */
    protected TaskAttentionBackbone(N network, String headModule) {
        this.network = Objects.requireNonNull(network, "network is null");
        this.headModule = Objects.requireNonNull(headModule, "headModule is null");
    }

    @Override
    public final N block() {
        return network;
    }

    /** Number of tasks (feature maps). */
    public final int taskCount() {
        return network.taskCount();
    }

    @Override
    public final int featureChannels(int taskIndex) {
        if (taskIndex < 0 || taskIndex >= network.taskCount()) {
            throw new IndexOutOfBoundsException("task " + taskIndex + " of " + network.taskCount());
        }
        return network.outChannels();
    }

    /** Trainable parameters several tasks use (BatchNorm running statistics left out). */
    @Override
    public final List<Parameter> sharedParameters() {
        return network.usedBySeveralTasks().stream().filter(Parameter::requiresGradient).toList();
    }

    /**
     * Every parameter and BatchNorm running statistic of the network under the reference's PyTorch
     * name, in PyTorch's order; heads are not included, see {@link #headPrefix(int)}. Available once
     * the block is initialised.
     */
    @Override
    public Map<String, Parameter> stateDictEntries() {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        network.putStateDictEntries("", entries);
        return entries;
    }

    /** The reference's module prefix of task {@code taskIndex}'s head: {@code <headModule>.<i>.}. */
    @Override
    public final String headPrefix(int taskIndex) {
        featureChannels(taskIndex);
        return headModule + "." + taskIndex + ".";
    }

    @Override
    public String toString() {
        return network.toString();
    }
}
