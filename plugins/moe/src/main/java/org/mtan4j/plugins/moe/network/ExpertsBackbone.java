package org.mtan4j.plugins.moe.network;

import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Objects;
import org.mtan4j.api.Backbone;

/**
 * The {@link Backbone} of every architecture here: a {@link MixtureNetwork}, one map per task of the
 * encoder's output shape, and the parameters several tasks use as the shared ones. There are no
 * reference PyTorch names (LibMTL's modules are not mirrored name by name), so weights cannot be
 * imported or exported.
 */
public final class ExpertsBackbone implements Backbone {

    private final MixtureNetwork network;

    /** A backbone over {@code network}. */
    public ExpertsBackbone(MixtureNetwork network) {
        this.network = Objects.requireNonNull(network, "network is null");
    }

    @Override
    public MixtureNetwork block() {
        return network;
    }

    @Override
    public int featureChannels(int taskIndex) {
        if (taskIndex < 0 || taskIndex >= network.taskCount()) {
            throw new IndexOutOfBoundsException("task " + taskIndex + " of " + network.taskCount());
        }
        return network.outChannels();
    }

    /** Trainable parameters several tasks use (BatchNorm running statistics left out). */
    @Override
    public List<Parameter> sharedParameters() {
        return network.usedBySeveralTasks().stream().filter(Parameter::requiresGradient).toList();
    }

    @Override
    public void onEpochStart(int epoch, int epochs) {
        network.onEpochStart(epoch, epochs);
    }

    @Override
    public String toString() {
        return network.toString();
    }
}
