package org.mtan4j.runtime.training;

import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The parts every test-only weighting provider shares: a name, a description, no options. */
abstract class TestWeightingProvider implements WeightingProvider<NoOptions> {

    private final String name;
    private final String description;

    TestWeightingProvider(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public final NoOptions defaultOptions() {
        return NoOptions.INSTANCE;
    }

    @Override
    public abstract Weighting create(NoOptions options, List<TaskSpec> tasks);
}
