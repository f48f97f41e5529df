package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;

/**
 * What every {@link BackboneProvider} must do: one feature map per task with the declared shapes,
 * shared parameters marked truthfully, reproducible initialisation.
 *
 * @param <O> the provider's options
 */
public abstract class BackboneContract<O> extends ContractSupport {

    /** The provider under test. */
    protected abstract BackboneProvider<O> provider();

    /** Options small enough to run in a second (narrow filters). */
    protected abstract O smallOptions();

    /** The tasks to build for; three NYUv2-like tasks unless the backbone takes fewer. */
    protected List<TaskSpec> tasks() {
        int max = provider().taskCountRange()[1];
        List<TaskSpec> three = List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"), TaskSpec.normal("normal"));
        return three.subList(0, Math.min(3, max));
    }

    /** One image's shape: 2 x 3 multiples of the provider's size multiple (64x96 for SegNet). */
    protected Shape imageShape() {
        int m = Math.max(provider().inputSizeMultiple(), 8);
        return new Shape(3, 2L * m, 3L * m);
    }

    private Backbone build() {
        Backbone backbone = provider().create(smallOptions(), new BackboneContext(tasks(), imageShape()));
        backbone.block().initialize(manager, DataType.FLOAT32, batchShape());
        return backbone;
    }

    private Shape batchShape() {
        return new Shape(2).addAll(imageShape());
    }

    @Test
    void describesItself() {
        BackboneProvider<O> provider = provider();
        assertDescribesItself(provider);
        assertTrue(provider.inputSizeMultiple() >= 1, "inputSizeMultiple");
        int[] range = provider.taskCountRange();
        assertTrue(range[0] >= 1 && range[0] <= range[1], "taskCountRange");
    }

    @Test
    void yieldsOneFeatureMapPerTaskWithTheDeclaredShape() {
        Backbone backbone = build();
        Block block = backbone.block();
        Shape[] declared = block.getOutputShapes(new Shape[] {batchShape()});
        NDList out = block.forward(new ParameterStore(manager, false),
                new NDList(manager.randomUniform(0f, 1f, batchShape())), true);
        assertEquals(tasks().size(), out.size(), "one feature map per task");
        assertEquals(tasks().size(), declared.length, "declared output shapes");
        for (int i = 0; i < out.size(); i++) {
            NDArray features = out.get(i);
            assertEquals(declared[i], features.getShape(), "task " + i + " shape vs getOutputShapes");
            assertEquals(2, features.getShape().get(0), "batch dimension");
            assertEquals(backbone.featureChannels(i), features.getShape().get(1), "task " + i + " channels");
            assertTrue(features.isInfinite().logicalOr(features.isNaN()).none().getBoolean(), "finite features");
        }
    }

    @Test
    void inferenceModeGivesTheSameShapesAndLeavesTheParametersAlone() {
        Backbone backbone = build();
        Shape[] declared = backbone.block().getOutputShapes(new Shape[] {batchShape()});
        List<NDArray> before = new ArrayList<>();
        backbone.block().getParameters().forEach(p -> before.add(p.getValue().getArray().duplicate()));
        NDList out = backbone.block().forward(new ParameterStore(manager, false),
                new NDList(manager.randomUniform(0f, 1f, batchShape())), false);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(declared[i], out.get(i).getShape(), "task " + i + " shape in inference mode");
        }
        int i = 0;
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            assertEquals(before.get(i++), p.getValue().getArray(), p.getKey() + " unchanged by an inference pass (BatchNorm statistics too)");
        }
    }

    @Test
    void marksEveryParameterThatSeveralTasksUseAsShared() {
        Backbone backbone = build();
        Map<Parameter, Boolean> shared = new IdentityHashMap<>();
        backbone.sharedParameters().forEach(p -> shared.put(p, true));
        Set<Parameter> all = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            all.add(p.getValue());
        }
        assertTrue(all.containsAll(shared.keySet()), "shared parameters are parameters of the block");
        if (tasks().size() < 2) {
            return;
        }
        Map<Parameter, Integer> usedBy = new IdentityHashMap<>();
        NDArray input = manager.randomUniform(0f, 1f, batchShape());
        for (int task = 0; task < tasks().size(); task++) {
            // PyTorch accumulates gradients: each task's backward must start from zero.
            for (Pair<String, Parameter> p : backbone.block().getParameters()) {
                NDArray array = p.getValue().getArray();
                if (p.getValue().requiresGradient() && array.hasGradient()) {
                    NDArray gradient = array.getGradient();
                    gradient.subi(gradient);
                }
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = backbone.block().forward(new ParameterStore(manager, false), new NDList(input), true);
                collector.backward(out.get(task).mean());
            }
            for (Pair<String, Parameter> p : backbone.block().getParameters()) {
                NDArray array = p.getValue().getArray();
                if (p.getValue().requiresGradient() && array.hasGradient()
                        && array.getGradient().abs().sum().getFloat() > 0f) {
                    usedBy.merge(p.getValue(), 1, Integer::sum);
                }
            }
        }
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            if (usedBy.getOrDefault(p.getValue(), 0) >= 2) {
                assertTrue(shared.containsKey(p.getValue()),
                        "parameter " + p.getKey() + " receives gradient from several tasks but is not in sharedParameters()");
            }
        }
    }

    /**
     * A garbage collection between the forward and the backward pass changes no parameter's gradient:
     * the backbone's arithmetic keeps every number its backward pass reads
     * ({@link org.mtan4j.api.nd.Scalars}).
     */
    @Test
    void aGarbageCollectionBeforeBackwardChangesNoGradient() {
        Backbone backbone = build();
        NDArray input = manager.randomUniform(0f, 1f, batchShape());
        List<NDArray> calm = gradients(backbone, input, false);
        List<NDArray> disturbed = gradients(backbone, input, true);
        int i = 0;
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            NDArray expected = calm.get(i);
            NDArray actual = disturbed.get(i++);
            float scale = Math.max(1e-3f, expected.abs().max().getFloat());
            assertTrue(expected.sub(actual).abs().max().getFloat() <= 1e-4f * scale, p.getKey()
                    + ": gradient with a garbage collection before the backward pass differs from the one without");
        }
    }

    /** Every parameter's gradient of a fixed weighted sum of all tasks' features (zero where none). */
    private List<NDArray> gradients(Backbone backbone, NDArray input, boolean collectBeforeBackward) {
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            NDArray array = p.getValue().getArray();
            if (p.getValue().requiresGradient() && array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.subi(gradient);
            }
        }
        // Same dropout masks, if any, in both passes.
        Engine.getInstance().setRandomSeed(99);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = backbone.block().forward(new ParameterStore(manager, false), new NDList(input), true);
            NDArray sum = null;
            for (NDArray features : out) {
                NDArray weights = manager.arange((float) features.size()).reshape(features.getShape()).sin();
                NDArray term = features.mul(weights).sum();
                sum = sum == null ? term : sum.add(term);
            }
            NDArray total = sum;
            FreedMemory.run(collectBeforeBackward, () -> collector.backward(total));
        }
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            NDArray array = p.getValue().getArray();
            out.add(p.getValue().requiresGradient() && array.hasGradient()
                    ? array.getGradient().duplicate() : manager.zeros(array.getShape()));
        }
        return out;
    }

    @Test
    void sameSeedGivesSameInitialisation() {
        Engine.getInstance().setRandomSeed(7);
        Backbone first = build();
        Engine.getInstance().setRandomSeed(7);
        Backbone second = build();
        ai.djl.nn.ParameterList a = first.block().getParameters();
        ai.djl.nn.ParameterList b = second.block().getParameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertNotNull(a.get(i).getValue().getArray(), a.get(i).getKey() + " initialised");
            assertEquals(a.get(i).getValue().getArray(), b.get(i).getValue().getArray(), a.get(i).getKey());
        }
    }
}
