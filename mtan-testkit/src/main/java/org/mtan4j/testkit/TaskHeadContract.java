package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * What every {@link TaskHeadProvider} must do: the documented prediction layout per task kind, a
 * finite scalar loss that trains the head, and a loss blind to ignored targets.
 *
 * @param <O> the provider's options
 */
public abstract class TaskHeadContract<O> extends ContractSupport {

    private static final int CHANNELS = 8;
    private static final int HEIGHT = 8;
    private static final int WIDTH = 12;

    /** The provider under test. */
    protected abstract TaskHeadProvider<O> provider();

    /** Options small enough to run in a second. */
    protected abstract O smallOptions();

    /** One task of each supported kind. */
    protected List<TaskSpec> tasks() {
        return provider().supportedKinds().stream().map(Fixtures::taskOf).toList();
    }

    private TaskHead build(TaskSpec task) {
        TaskHead head = provider().create(smallOptions(), task, CHANNELS);
        head.block().initialize(manager, DataType.FLOAT32, new Shape(2, CHANNELS, HEIGHT, WIDTH));
        return head;
    }

    private NDArray forward(TaskHead head, NDArray features) {
        return head.block().forward(new ParameterStore(manager, false), new NDList(features), true).singletonOrThrow();
    }

    @Test
    void describesItself() {
        assertDescribesItself(provider());
        assertFalse(provider().supportedKinds().isEmpty());
    }

    @Test
    void predictsTheDocumentedLayout() {
        for (TaskSpec task : tasks()) {
            TaskHead head = build(task);
            assertEquals(task, head.task());
            NDArray prediction = forward(head, manager.randomNormal(new Shape(2, CHANNELS, HEIGHT, WIDTH)));
            Shape expected = task.kind() == TaskKind.CLASSIFICATION
                    ? new Shape(2, task.outputChannels())
                    : new Shape(2, task.outputChannels(), HEIGHT, WIDTH);
            assertEquals(expected, prediction.getShape(), task.name());
            if (task.kind() == TaskKind.SEGMENTATION || task.kind() == TaskKind.CLASSIFICATION) {
                NDArray total = prediction.exp().sum(new int[] {1});
                assertTrue(total.sub(1f).abs().max().getFloat() < 1e-4f, "log-probabilities: exp sums to 1");
            }
            if (task.kind() == TaskKind.NORMAL) {
                NDArray norm = prediction.square().sum(new int[] {1}).sqrt();
                assertTrue(norm.sub(1f).abs().max().getFloat() < 1e-4f, "unit normals");
            }
        }
    }

    @Test
    void lossIsAFiniteScalarThatTrainsTheHead() {
        for (TaskSpec task : tasks()) {
            TaskHead head = build(task);
            NDArray target = target(task, 2, HEIGHT, WIDTH);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = head.loss(forward(head, manager.randomNormal(new Shape(2, CHANNELS, HEIGHT, WIDTH))), target);
                assertEquals(new Shape(), loss.getShape(), task.name() + ": scalar loss");
                float value = loss.getFloat();
                assertTrue(Float.isFinite(value) && value >= 0f, task.name() + ": finite, non-negative loss, got " + value);
                collector.backward(loss);
            }
            double gradient = head.block().getParameters().values().stream()
                    .filter(p -> p.requiresGradient())
                    .mapToDouble(p -> p.getArray().getGradient().abs().sum().getFloat())
                    .sum();
            assertTrue(gradient > 0 && Double.isFinite(gradient), task.name() + ": the loss reaches the head's parameters");
        }
    }

    /**
     * A garbage collection between the forward and the backward pass changes no gradient: the head's
     * and its loss's arithmetic keep every number their backward pass reads
     * ({@link org.mtan4j.api.nd.Scalars}).
     */
    @Test
    void aGarbageCollectionBeforeBackwardChangesNoGradient() {
        for (TaskSpec task : tasks()) {
            TaskHead head = build(task);
            NDArray features = manager.randomNormal(new Shape(2, CHANNELS, HEIGHT, WIDTH));
            NDArray target = target(task, 2, HEIGHT, WIDTH);
            List<NDArray> calm = gradients(head, features, target, false);
            List<NDArray> disturbed = gradients(head, features, target, true);
            for (int i = 0; i < calm.size(); i++) {
                NDArray expected = calm.get(i);
                float scale = Math.max(1e-3f, expected.abs().max().getFloat());
                assertTrue(expected.sub(disturbed.get(i)).abs().max().getFloat() <= 1e-4f * scale, task.name()
                        + ": gradient " + i + " with a garbage collection before the backward pass differs from the one"
                        + " without");
            }
        }
    }

    /** The gradients of the loss with respect to the features and to every parameter of the head. */
    private List<NDArray> gradients(TaskHead head, NDArray features, NDArray target, boolean collectBeforeBackward) {
        NDArray input = features.duplicate();
        input.setRequiresGradient(true);
        head.block().getParameters().values().stream()
                .filter(p -> p.requiresGradient() && p.getArray().hasGradient())
                .forEach(p -> p.getArray().getGradient().subi(p.getArray().getGradient()));
        // Same dropout masks, if any, in both passes.
        Engine.getInstance().setRandomSeed(99);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = head.loss(forward(head, input), target);
            FreedMemory.run(collectBeforeBackward, () -> collector.backward(loss));
        }
        List<NDArray> out = new ArrayList<>();
        out.add(input.getGradient().duplicate());
        head.block().getParameters().values().stream()
                .filter(p -> p.requiresGradient())
                .forEach(p -> out.add(p.getArray().getGradient().duplicate()));
        return out;
    }

    @Test
    void lossIgnoresUnknownTargets() {
        for (TaskSpec task : tasks()) {
            if (task.kind() == TaskKind.CLASSIFICATION) {
                continue;
            }
            TaskHead head = build(task);
            NDArray target = target(task, 2, HEIGHT, WIDTH);
            NDArray known = task.kind() == TaskKind.SEGMENTATION
                    ? target.neq(task.ignoreValue()).expandDims(1)
                    : task.kind() == TaskKind.NORMAL
                            ? target.sum(new int[] {1}, true).neq(0f) // models.md: valid where the channel sum != 0
                            : target.neq((float) task.ignoreValue());
            NDArray prediction = forward(head, manager.randomNormal(new Shape(2, CHANNELS, HEIGHT, WIDTH)));
            NDArray other = forward(head, manager.randomNormal(new Shape(2, CHANNELS, HEIGHT, WIDTH)));
            NDArray mixed = NDArrayMix.where(known, prediction, other);
            float a = head.loss(prediction, target).getFloat();
            float b = head.loss(mixed, target).getFloat();
            assertEquals(a, b, 1e-5f * Math.max(1f, Math.abs(a)), task.name() + ": predictions at unknown targets must not change the loss");
        }
    }

    /** Selection helper kept out of the public API. */
    static final class NDArrayMix {
        private NDArrayMix() {
        }

        static NDArray where(NDArray condition, NDArray whenTrue, NDArray whenFalse) {
            NDArray c = condition.toType(DataType.FLOAT32, false);
            return whenTrue.mul(c).add(whenFalse.mul(c.neg().add(1f)));
        }
    }
}
