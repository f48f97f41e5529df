package org.mtan4j.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.nd.Scalars;

/**
 * What every {@link WeightingProvider} must do: finite gradients for every task's parameters over
 * several steps and epochs, and finite task weights that sum as the weighting declares.
 *
 * <p>The problem: task {@code i}'s loss is {@code mean((w_shared * x - y_i)^2) * scale_i + mean(w_i^2)}
 * with losses of very different sizes, so weightings that rescale have something to do. The step's
 * context is a {@link GradientContext}: it offers per-task gradients with respect to {@code w_shared},
 * so gradient-level weightings (PCGrad, MGDA, ...) are exercised the same way as loss-level ones.
 *
 * @param <O> the provider's options
 */
public abstract class WeightingContract<O> extends ContractSupport {

    /** The provider under test. */
    protected abstract WeightingProvider<O> provider();

    /** The options to test with. */
    protected abstract O options();

    /** The tasks; three by default. */
    protected List<TaskSpec> tasks() {
        return List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"), TaskSpec.normal("normal"));
    }

    @Test
    void describesItself() {
        assertDescribesItself(provider());
    }

    @Test
    void producesFiniteGradientsAndDocumentedWeightsOverEpochs() {
        Weighting weighting = provider().create(options(), tasks());
        assertWeights(weighting, tasks().size(), "before the first step");
        Problem problem = new Problem(weighting, 3);
        problem.run(weighting, 0, 4, 3);
    }

    /**
     * A weighting restored from another's {@link Weighting#state()} (and given the same learned parameter
     * values, which the model's checkpoint holds) behaves exactly as the original from there on: the
     * contract behind exact resume.
     */
    @Test
    void aRestoredStateContinuesExactlyAsTheOriginal() {
        Weighting original = provider().create(options(), tasks());
        Problem problem = new Problem(original, 3);
        problem.run(original, 0, 3, 3);
        java.util.Map<String, double[]> state = original.state();

        Weighting restored = provider().create(options(), tasks());
        List<Parameter> restoredParameters = Problem.initialise(restored, manager);
        for (int i = 0; i < restoredParameters.size(); i++) {
            restoredParameters.get(i).getArray().set(problem.parameters.get(i).getArray().toFloatArray());
        }
        restored.restoreState(state);

        List<float[]> expected = problem.run(original, 3, 5, 11);
        List<float[]> actual = problem.withParameters(restoredParameters).run(restored, 3, 5, 11);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(i), actual.get(i),
                    "step " + i + " after the restore: task weights then the gradients, as the original's");
        }
    }

    /**
     * A garbage collection between the forward and the backward pass changes nothing: the weighting's
     * arithmetic keeps every number its backward pass reads ({@link org.mtan4j.api.nd.Scalars}).
     */
    @Test
    void aGarbageCollectionBeforeBackwardChangesNoGradient() {
        Engine.getInstance().setRandomSeed(1234);
        Weighting calm = provider().create(options(), tasks());
        List<float[]> expected = new Problem(calm, 3).run(calm, 0, 3, 5);
        Engine.getInstance().setRandomSeed(1234);
        Weighting disturbed = provider().create(options(), tasks());
        List<float[]> actual = new Problem(disturbed, 3).collectingGarbageBeforeBackward().run(disturbed, 0, 3, 5);
        for (int i = 0; i < expected.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(i), actual.get(i), 1e-6f,
                    "step " + i + " with a garbage collection before each backward pass: task weights then the"
                            + " gradients, as without one");
        }
    }

    /**
     * The contract's problem: task {@code i}'s loss is {@code mean((x w_shared - y_i)^2) 10^(i-1) + mean(w_i^2)};
     * nothing is updated, so only the weighting's state changes from step to step.
     */
    private final class Problem {
        private final List<TaskSpec> tasks = tasks();
        private final int k = tasks.size();
        private final NDArray shared;
        private final NDArray[] own;
        private final NDArray x;
        private final int stepsPerEpoch;
        private List<Parameter> parameters;
        private boolean collectBeforeBackward;

        Problem(Weighting weighting, int stepsPerEpoch) {
            this.stepsPerEpoch = stepsPerEpoch;
            this.parameters = initialise(weighting, manager);
            Random values = new Random(17);
            shared = normal(values, 4, 4);
            shared.setRequiresGradient(true);
            own = new NDArray[k];
            for (int i = 0; i < k; i++) {
                own[i] = normal(values, 4);
                own[i].setRequiresGradient(true);
            }
            x = normal(values, 8, 4);
        }

        private NDArray normal(Random values, long... shape) {
            float[] data = new float[(int) new Shape(shape).size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) values.nextGaussian();
            }
            return manager.create(data, new Shape(shape));
        }

        static List<Parameter> initialise(Weighting weighting, ai.djl.ndarray.NDManager manager) {
            List<Parameter> parameters = new ArrayList<>();
            weighting.parameters().ifPresent(block -> {
                block.initialize(manager, DataType.FLOAT32, new Shape(1));
                for (Pair<String, Parameter> p : block.getParameters()) {
                    parameters.add(p.getValue());
                }
            });
            return parameters;
        }

        Problem collectingGarbageBeforeBackward() {
            this.collectBeforeBackward = true;
            return this;
        }

        Problem withParameters(List<Parameter> replacement) {
            this.parameters = replacement;
            return this;
        }

        /**
         * Runs epochs {@code from} to {@code to} (exclusive) and checks every step; returns, per step, the
         * task weights followed by the shared gradient.
         */
        List<float[]> run(Weighting weighting, int from, int to, long seed) {
            List<float[]> observed = new ArrayList<>();
            Random random = new Random(seed);
            // Methods that draw from the engine (GradDrop) draw the same numbers in both runs.
            Engine.getInstance().setRandomSeed((int) seed);
            long step = (long) from * stepsPerEpoch;
            for (int epoch = from; epoch < to; epoch++) {
                double[] sums = new double[k];
                for (int s = 0; s < stepsPerEpoch; s++, step++) {
                    step(weighting, epoch, step, random, sums);
                    observed.add(observation(weighting.taskWeights()));
                }
                for (int i = 0; i < k; i++) {
                    sums[i] /= stepsPerEpoch;
                }
                weighting.onEpochEnd(epoch, sums);
            }
            return observed;
        }

        /**
         * The task weights, then the gradients of the shared parameter, of each task's own parameter and
         * of the weighting's parameters, in one row.
         */
        private float[] observation(double[] weights) {
            List<float[]> parts = new ArrayList<>();
            parts.add(shared.getGradient().toFloatArray());
            for (NDArray o : own) {
                parts.add(o.getGradient().toFloatArray());
            }
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    parts.add(p.getArray().getGradient().toFloatArray());
                }
            }
            int length = weights.length + parts.stream().mapToInt(a -> a.length).sum();
            float[] row = new float[length];
            for (int i = 0; i < weights.length; i++) {
                row[i] = (float) weights[i];
            }
            int at = weights.length;
            for (float[] part : parts) {
                System.arraycopy(part, 0, row, at, part.length);
                at += part.length;
            }
            return row;
        }

        private void step(Weighting weighting, int epoch, long step, Random random, double[] sums) {
            // PyTorch accumulates gradients across collectors: each step starts from zero, as in the runtime.
            zeroGradient(shared);
            for (NDArray o : own) {
                zeroGradient(o);
            }
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    zeroGradient(p.getArray());
                }
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList losses = new NDList();
                // The "representation" x w_shared every task reads; cut per task when the weighting asks.
                NDArray representation = x.matMul(shared);
                NDList features = new NDList();
                NDList leaves = new NDList();
                for (int i = 0; i < k; i++) {
                    features.add(representation);
                    leaves.add(weighting.usesRepresentationGradients() ? GradientContext.cut(representation) : representation);
                }
                for (int i = 0; i < k; i++) {
                    NDArray y = x.mul(i + 1f);
                    NDArray loss = Scalars.mul(leaves.get(i).sub(y).square().mean(), Math.pow(10, i - 1))
                            .add(own[i].square().mean());
                    losses.add(loss);
                    sums[i] += loss.getFloat();
                }
                // Offers per-task gradients of the shared parameter, as the runtime does for a backbone's.
                GradientContext context = new GradientContext(tasks, epoch, step, random, collector, List.of(shared), manager);
                if (collectBeforeBackward) {
                    context.collectingGarbageBeforeBackward();
                }
                if (weighting.usesRepresentationGradients()) {
                    context.withRepresentations(features, leaves);
                }
                weighting.backward(losses, context);
            }
            if (weighting.wantsLossesAfterUpdate()) {
                // No optimiser here: the "updated" losses are the same problem's, a little smaller.
                double[] after = new double[k];
                for (int i = 0; i < k; i++) {
                    after[i] = 0.9 * x.matMul(shared).sub(x.mul(i + 1f)).square().mean().getFloat()
                            * Math.pow(10, i - 1) + own[i].square().mean().getFloat();
                }
                weighting.afterUpdate(after);
                assertWeights(weighting, k, "after the update of step " + step);
            }
            assertFinite(shared.getGradient(), "shared gradient at step " + step);
            assertTrue(shared.getGradient().abs().sum().getFloat() > 0f, "the shared parameter receives a gradient");
            for (int i = 0; i < k; i++) {
                assertFinite(own[i].getGradient(), "task " + i + " gradient at step " + step);
            }
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    assertFinite(p.getArray().getGradient(), "weighting parameter " + p.getName());
                }
            }
            assertWeights(weighting, k, "after step " + step);
        }
    }

    private static void zeroGradient(NDArray array) {
        NDArray gradient = array.getGradient();
        gradient.subi(gradient);
    }

    private static void assertFinite(NDArray array, String what) {
        assertTrue(array.isNaN().logicalOr(array.isInfinite()).none().getBoolean(), what + " is finite");
    }

    private static void assertWeights(Weighting weighting, int k, String when) {
        double[] weights = weighting.taskWeights();
        assertEquals(k, weights.length, "one weight per task " + when);
        double sum = 0;
        for (double w : weights) {
            assertTrue(Double.isFinite(w), "finite weights " + when);
            sum += w;
        }
        if (weighting.weightSum().isPresent()) {
            assertEquals(weighting.weightSum().getAsDouble(), sum, 1e-6, "weights sum as declared " + when);
        }
    }

    /** Unused parameter helper for subclasses that need a block's parameter list. */
    protected static List<Parameter> parametersOf(Block block) {
        List<Parameter> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }
}
