package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code equal} weighting: the sum of the task losses, each with weight 1 (the paper's default). */
public final class EqualWeightingProvider extends AbstractPluginProvider<NoOptions> implements WeightingProvider<NoOptions> {

    /** The provider's name. */
    public static final String NAME = "equal";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public EqualWeightingProvider() {
        super(NAME, "Sum of the task losses, every task with weight 1.", NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new EqualWeighting(tasks);
    }
}
