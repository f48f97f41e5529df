package org.mtan4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.training.EpochEnd;
import org.mtan4j.runtime.training.TrainingListener;

/** A plugin's Guice module, listed in META-INF/services/com.google.inject.Module, joins every run's injector. */
class ContributedModuleTest {

    /** Epochs seen by the contributed listener. */
    static final AtomicInteger EPOCHS = new AtomicInteger();

    /** The contributed module: adds a listener to the run's listener set. */
    public static final class CountingModule extends AbstractModule {
        @Override
        protected void configure() {
            Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding().toInstance(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochEnd epoch) {
                    EPOCHS.incrementAndGet();
                }
            });
        }
    }

    @Test
    void aContributedModuleTakesPartInTheRun(@TempDir Path dir) {
        int before = EPOCHS.get();
        Runs.train(TinyRuns.resolved("training.epochs=2"), dir, false, List.of());
        assertEquals(before + 2, EPOCHS.get());
    }
}
