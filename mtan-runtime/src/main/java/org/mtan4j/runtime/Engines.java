package org.mtan4j.runtime;

import ai.djl.engine.Engine;
import java.lang.reflect.Method;
import org.mtan4j.runtime.engine.CudaDevices;
import org.mtan4j.runtime.engine.EngineReport;
import org.mtan4j.runtime.engine.EngineSetup;
import org.mtan4j.runtime.engine.EngineSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's engine the only way this project allows: offline, from the library the engine variables name
 * (checked first, see {@link EngineSetup}), with a chosen thread count.
 */
public final class Engines {

    /** PyTorch engine's system property for its intra-op thread pool, read when the engine starts. */
    public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private Engines() {
    }

    /** The plan the engine was started with; null before. */
    private static EngineSetup setup;

    /**
     * Sets {@code ai.djl.offline=true} (DJL otherwise contacts the network at every engine start), checks
     * the engine variables ({@link EngineSetup}: the library they name must be there and fit), tunes the
     * native allocator ({@link NativeMemory}) and returns the default engine, started as planned. Call
     * before anything touches DJL's engine, and before anything is written: a bad engine variable throws.
     *
     * @throws EngineSetupException when the engine variables name a library that is not there or cannot work
     */
    public static synchronized Engine startOffline() {
        markOffline();
        if (setup != null) {
            return Engine.getInstance();
        }
        EngineSetup planned = EngineSetup.current();
        NativeMemory.configure();
        Engine engine = planned.start();
        planned.warnings().forEach(w -> LOG.warn("engine: {}", w));
        setup = planned;
        return engine;
    }

    /**
     * What the started engine uses and sees ({@code mtan doctor}); starts it first when needed.
     *
     * @throws EngineSetupException as {@link #startOffline()}
     */
    public static synchronized EngineReport report() {
        Engine engine = startOffline();
        return EngineReport.of(engine, setup, threads(engine), nativeAllocator());
    }

    /**
     * The GPUs {@code engine} can use: those the CUDA runtime counts (DJL's count), provided PyTorch itself
     * reports CUDA (a CPU build of PyTorch on a machine with a GPU can use none).
     */
    public static int gpuCount(Engine engine) {
        if (!"PyTorch".equals(engine.getEngineName())) {
            return engine.getGpuCount();
        }
        return engine.hasCapability("CUDA") ? engine.getGpuCount() : 0;
    }

    /** Why the started engine can use no GPU and what to set, naming the library it runs (for messages). */
    static synchronized String noGpuReason() {
        EngineReport report = report();
        return "the engine (" + report.summary() + ") sees no GPU: "
                + EngineReport.noGpuReason(report.torchCuda(), CudaDevices.count(), report.flavor());
    }

    /**
     * As {@link #startOffline()}, with {@code threads} intra-op threads (0: all cores, unless the
     * {@value #NUM_THREADS} system property already names a count, e.g. a test's one thread).
     * Before the engine starts this is the engine's own system property; on an engine that is already
     * running (a second run in one JVM), PyTorch's {@code set_num_threads} is called, which may change
     * at any time.
     *
     * @return the engine
     */
    public static Engine startOffline(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or positive, got " + threads);
        }
        boolean explicit = threads > 0;
        if (explicit || System.getProperty(NUM_THREADS) == null) {
            int count = explicit ? threads : Runtime.getRuntime().availableProcessors();
            System.setProperty(NUM_THREADS, Integer.toString(count));
            Engine engine = startOffline();
            setRunningThreads(engine, count);
            return engine;
        }
        return startOffline();
    }

    /**
     * The native allocator mode in effect ({@code fast}, {@code lean} or {@code default}; system property
     * {@code mtan.native-allocator}, see the README), or {@code default} before an engine was started here.
     */
    public static String nativeAllocator() {
        String mode = NativeMemory.applied();
        return mode == null ? "default" : mode;
    }

    /** The engine's intra-op thread count, or -1 when the engine does not tell (not PyTorch). */
    public static int threads(Engine engine) {
        try {
            Object n = jni(engine).getMethod("getNumThreads").invoke(null);
            return (Integer) n;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** Sets the offline properties without starting the engine. */
    public static void markOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /**
     * PyTorch reads the property only at start-up: a running engine is changed through its JNI layer,
     * reached by reflection because the engine is a runtime-only dependency (DJL's API has no call).
     */
    private static void setRunningThreads(Engine engine, int count) {
        if (!"PyTorch".equals(engine.getEngineName()) || threads(engine) == count) {
            return;
        }
        try {
            Method set = jni(engine).getMethod("setNumThreads", int.class);
            set.invoke(null, count);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("cannot set PyTorch's thread count to {}: {}", count, e.toString());
        }
    }

    private static Class<?> jni(Engine engine) throws ClassNotFoundException {
        return Class.forName("ai.djl.pytorch.jni.JniUtils", true, engine.getClass().getClassLoader());
    }
}
