package org.mtan4j.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.training.TrainingListener;

/**
 * Binds one run: its resolved configuration, the devices, the plugins (through {@link RunComponents})
 * and the training listeners. A plugin that needs collaborators of its own may contribute a Guice
 * {@link Module} by listing it in {@code META-INF/services/com.google.inject.Module}; every such module
 * found on the class path is installed into the run's injector.
 */
public final class RunModule extends AbstractModule {

    private final ResolvedRun run;
    private final List<TrainingListener> listeners;

    /**
     * @param run the resolved run
     * @param listeners listeners to bind, in order (e.g. the CLI's progress bar)
     */
    public RunModule(ResolvedRun run, List<TrainingListener> listeners) {
        this.run = run;
        this.listeners = List.copyOf(listeners);
    }

    /** An injector for {@code run}, with the plugin-contributed modules found by {@code loader}. */
    public static Injector injector(ResolvedRun run, List<TrainingListener> listeners, ClassLoader loader) {
        List<Module> modules = new ArrayList<>();
        modules.add(new RunModule(run, listeners));
        ServiceLoader.load(Module.class, loader).forEach(modules::add);
        return Guice.createInjector(modules);
    }

    @Override
    protected void configure() {
        bind(ResolvedRun.class).toInstance(run);
        bind(RunConfig.class).toInstance(run.config());
        bind(RunComponents.class).in(Singleton.class);
        Multibinder<TrainingListener> set = Multibinder.newSetBinder(binder(), TrainingListener.class);
        for (TrainingListener listener : listeners) {
            set.addBinding().toInstance(listener);
        }
    }

    @Provides
    @Singleton
    Device[] devices(RunConfig config) {
        // The thread count must reach PyTorch before the engine starts: this is the first engine use of a run.
        return Devices.resolve(config.device(), Engines.startOffline(config.training().threads()), "device");
    }

    @Provides
    @Singleton
    Engine engine(RunConfig config) {
        return Engines.startOffline(config.training().threads());
    }
}
