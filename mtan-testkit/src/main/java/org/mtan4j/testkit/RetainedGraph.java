package org.mtan4j.testkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A backward pass that keeps the graph (PyTorch's {@code retain_graph=True}), which per-task gradients
 * need: one pass per task over the same forward graph. DJL's API has no such call
 * ({@code GradientCollector.backward} frees the graph); the PyTorch engine's JNI layer has one,
 * {@code ai.djl.pytorch.jni.JniUtils.backward(target, gradient, retainGraph, createGraph)}. That class
 * is the engine's internal, so the kit reaches it here, and only here, by reflection: the kit compiles
 * against DJL's API alone, and an engine without the call fails with a message naming it.
 */
final class RetainedGraph {

    private static final String JNI = "ai.djl.pytorch.jni.JniUtils";
    private static final String ARRAY = "ai.djl.pytorch.engine.PtNDArray";

    private RetainedGraph() {
    }

    /**
     * Back-propagates {@code gradient} (shaped as {@code target}) from {@code target}, accumulating into
     * the gradients of the arrays it was computed from, and keeps the graph for another pass.
     *
     * @throws IllegalStateException when the engine is not DJL's PyTorch engine with that call
     */
    static void backward(NDArray target, NDArray gradient) {
        try {
            Holder.BACKWARD.invoke(null, target, gradient, true, false);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(JNI + ".backward failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(JNI + ".backward is not accessible", e);
        }
    }

    /** Looks the call up on first use, in the engine's class loader. */
    private static final class Holder {
        static final Method BACKWARD = find();

        private static Method find() {
            Engine engine = Engine.getInstance();
            try {
                ClassLoader loader = engine.getClass().getClassLoader();
                Class<?> array = Class.forName(ARRAY, true, loader);
                return Class.forName(JNI, true, loader).getMethod("backward", array, array, boolean.class, boolean.class);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("per-task gradients need " + JNI + ".backward(PtNDArray, PtNDArray,"
                        + " boolean, boolean) of DJL's PyTorch engine (a backward pass that keeps the graph); the engine is "
                        + engine.getEngineName() + " " + engine.getVersion(), e);
            }
        }
    }
}
