package org.mtan4j.testkit;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * <p>The shared gradient a method writes must be the closed form it declares, {@link #expectSharedGradient}:
 * by default {@code sum_k w_k g_k} with the weights {@code w} it reports and the task losses' gradients
 * {@code g_k}, which the contract computes in a pass of its own. A method of another form (moving averages
 * of past gradients, rescaled losses, a per-feature mask) states its own.
 *
 * <p>Degenerate task sets ({@link DegenerateStep.Case}: a task with a zero gradient, two identical tasks,
 * a rank-deficient set) must leave every weight and gradient finite; what else the method owes there is
 * {@link #expectDegenerate}, which a weighting's test overrides where its paper prescribes otherwise.
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
     * In every step of a run of three epochs the shared gradient is the closed form the method declares
     * ({@link #expectSharedGradient}; by default {@code sum_k w_k g_k} with the reported weights).
     */
    @Test
    void theSharedGradientIsTheCombinationTheMethodDeclares() {
        Weighting weighting = provider().create(options(), tasks());
        Problem problem = new Problem(weighting, 3).checkingSharedGradient();
        problem.run(weighting, 0, 3, 19);
        assertEquals(9, problem.checkedSteps, "every step's shared gradient was checked");
    }

    /**
     * What the shared gradient of a step must be, checked in every step of
     * {@link #theSharedGradientIsTheCombinationTheMethodDeclares} and of the degenerate runs. By default
     * {@code sum_k w_k g_k} with the weights {@code w} the method reported for the step and the task losses'
     * gradients {@code g_k} of the shared parameter ({@link WeightingStep#assertWeightedSum()}): what every
     * method linear in the step's task gradients owes, which is every {@code LossWeighting} and
     * {@code GradientWeighting} (the bases of {@code org.mtan4j.api.weighting}) and every loss-level method
     * that reports the derivatives {@code dL/dL_k} as its weights. A method of another form overrides this
     * with its own closed form: one that combines moving averages of past gradients tracks them from the
     * steps it is shown (every step of a run, in order), one that rescales the losses first
     * applies the scales, one that masks the representation's features checks the mask's possible values.
     */
    protected void expectSharedGradient(WeightingStep step) {
        step.assertWeightedSum();
    }

    /**
     * A degenerate set of task gradients (see {@link DegenerateStep.Case}) in a run of three epochs:
     * weights and gradients stay finite, the weights sum as declared, every step's shared gradient is the
     * declared closed form ({@link #expectSharedGradient}), and each degenerate step meets what
     * {@link #expectDegenerate} asks of the method.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(DegenerateStep.Case.class)
    void degenerateTaskGradientsGetWhatTheMethodPrescribes(DegenerateStep.Case degenerate) {
        Assumptions.assumeTrue(tasks().size() >= 3, "the degenerate sets need three tasks");
        Weighting weighting = provider().create(options(), tasks());
        Problem problem = new Problem(weighting, 3).degenerate(degenerate);
        problem.run(weighting, 0, 3, 7);
        assertTrue(problem.degenerateSteps > 0, "the run had degenerate steps");
    }

    /**
     * What the method prescribes in a degenerate step, checked after the generic properties (finite
     * weights and gradients, the declared weight sum). By default: with a zero-gradient task and with a
     * rank-deficient set the other tasks still train the shared parameter
     * ({@link DegenerateStep#assertSharedGradientNonZero()}); identical tasks are treated identically
     * ({@link DegenerateStep#assertTreatedAlike(int, int)}). A method whose paper prescribes otherwise
     * (MGDA's min-norm point is zero next to a zero gradient; random weights differ between identical
     * tasks) overrides this, and may add what its paper promises (IMTL's equal projections).
     */
    protected void expectDegenerate(DegenerateStep step) {
        switch (step.kind()) {
            case ZERO_GRADIENT_TASK, RANK_DEFICIENT -> step.assertSharedGradientNonZero();
            case IDENTICAL_TASKS -> step.assertTreatedAlike(0, 1);
            default -> throw new IllegalArgumentException(step.kind().toString());
        }
    }

    /**
     * The contract's problem: task {@code i}'s loss is {@code mean((x w_shared - y_i)^2) 10^(i-1) + mean(w_i^2)};
     * nothing is updated, so only the weighting's state changes from step to step. With a
     * {@link DegenerateStep.Case} some tasks' losses are replaced as the case describes.
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
        private DegenerateStep.Case degenerate;
        private int degenerateSteps;
        private boolean checkSharedGradient;
        private int checkedSteps;

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

        /** Checks every step's shared gradient against {@link #expectSharedGradient}. */
        Problem checkingSharedGradient() {
            this.checkSharedGradient = true;
            return this;
        }

        Problem degenerate(DegenerateStep.Case kind) {
            this.degenerate = kind;
            this.checkSharedGradient = true;
            if (kind == DegenerateStep.Case.IDENTICAL_TASKS) {
                own[1] = manager.create(own[0].toFloatArray());
                own[1].setRequiresGradient(true);
            }
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
                    step(weighting, epoch, step, random, sums, isDegenerate(s));
                    observed.add(observation(weighting.taskWeights()));
                }
                for (int i = 0; i < k; i++) {
                    sums[i] /= stepsPerEpoch;
                }
                weighting.onEpochEnd(epoch, sums);
            }
            return observed;
        }

        private boolean isDegenerate(int stepInEpoch) {
            return degenerate != null && (degenerate != DegenerateStep.Case.ZERO_GRADIENT_TASK || stepInEpoch == 0);
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

        /**
         * Per task the two terms of its loss, the one that reads the representation and the one of its own
         * parameter: {@code {terms[i][0], terms[i][1]}}.
         */
        private NDArray[][] lossTerms(NDList leaves, boolean degenerateStep) {
            NDArray[][] terms = new NDArray[k][];
            for (int i = 0; i < k; i++) {
                terms[i] = new NDArray[] {fit(leaves.get(i), i), own[i].square().mean()};
            }
            if (!degenerateStep) {
                return terms;
            }
            switch (degenerate) {
                case ZERO_GRADIENT_TASK -> {
                    // Exactly 0 with exactly zero gradients, as a loss over an empty selection; + 0 turns -0 into 0.
                    terms[0] = new NDArray[] {leaves.get(0).mul(leaves.get(0).zerosLike()).sum().add(0f),
                        own[0].mul(own[0].zerosLike()).sum().add(0f)};
                }
                case IDENTICAL_TASKS -> terms[1][0] = fit(leaves.get(1), 0);
                case RANK_DEFICIENT -> terms[2][0] = fit(leaves.get(2), 0).add(fit(leaves.get(2), 1));
                default -> throw new IllegalStateException(degenerate.toString());
            }
            return terms;
        }

        /** {@code mean((z - y_target)^2) 10^(target-1)} with {@code y_target = (target + 1) x}. */
        private NDArray fit(NDArray z, int target) {
            return Scalars.mul(z.sub(x.mul(target + 1f)).square().mean(), Math.pow(10, target - 1));
        }

        /** What each task reads: the representation, or per task a cut copy (when the weighting asks). */
        private NDList leaves(boolean cut, NDArray representation) {
            NDList leaves = new NDList();
            for (int i = 0; i < k; i++) {
                leaves.add(cut ? GradientContext.cut(representation) : representation);
            }
            return leaves;
        }

        private void step(Weighting weighting, int epoch, long step, Random random, double[] sums, boolean degenerateStep) {
            double[][] given = null;
            double[][] sharedGiven = null;
            if (checkSharedGradient) {
                zeroGradients();
                sharedGiven = taskGradients(false, epoch, step, degenerateStep);
                zeroGradients();
                given = weighting.usesRepresentationGradients() ? taskGradients(true, epoch, step, degenerateStep) : sharedGiven;
            }
            zeroGradients();
            double[] reported;
            double[] values = new double[k];
            double[] after = new double[k];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList losses = new NDList();
                // The "representation" x w_shared every task reads; cut per task when the weighting asks.
                NDArray representation = x.matMul(shared);
                NDList features = new NDList();
                for (int i = 0; i < k; i++) {
                    features.add(representation);
                }
                NDList leaves = leaves(weighting.usesRepresentationGradients(), representation);
                NDArray[][] terms = lossTerms(leaves, degenerateStep);
                for (int i = 0; i < k; i++) {
                    NDArray loss = terms[i][0].add(terms[i][1]);
                    losses.add(loss);
                    values[i] = loss.getFloat();
                    sums[i] += values[i];
                    // No optimiser here: the "updated" losses are the same problem's, a little smaller.
                    after[i] = 0.9 * terms[i][0].getFloat() + terms[i][1].getFloat();
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
                reported = weighting.taskWeights();
            }
            if (weighting.wantsLossesAfterUpdate()) {
                weighting.afterUpdate(after);
                assertWeights(weighting, k, "after the update of step " + step);
            }
            assertFinite(shared.getGradient(), "shared gradient at step " + step);
            for (int i = 0; i < k; i++) {
                assertFinite(own[i].getGradient(), "task " + i + " gradient at step " + step);
            }
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    assertFinite(p.getArray().getGradient(), "weighting parameter " + p.getName());
                }
            }
            assertWeights(weighting, k, "after step " + step);
            if (!degenerateStep) {
                assertTrue(shared.getGradient().abs().sum().getFloat() > 0f, "the shared parameter receives a gradient");
            }
            if (!checkSharedGradient) {
                return;
            }
            double[][] ownGradients = new double[k][];
            for (int i = 0; i < k; i++) {
                ownGradients[i] = doubles(own[i].getGradient());
            }
            WeightingStep seen = new WeightingStep(weighting, step, values, sharedGiven, reported,
                    doubles(shared.getGradient()), ownGradients);
            expectSharedGradient(seen);
            checkedSteps++;
            if (degenerateStep) {
                degenerateSteps++;
                expectDegenerate(new DegenerateStep(degenerate, seen, given));
            }
        }

        /** PyTorch accumulates gradients across collectors: each step starts from zero, as in the runtime. */
        private void zeroGradients() {
            zeroGradient(shared);
            for (NDArray o : own) {
                zeroGradient(o);
            }
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    zeroGradient(p.getArray());
                }
            }
        }

        /**
         * The step's task gradients, of the shared parameter or of the representation (summed over the
         * batch, as a weighting that uses representation gradients forms them), from a pass of their own
         * before the step.
         */
        private double[][] taskGradients(boolean ofRepresentation, int epoch, long step, boolean degenerateStep) {
            double[][] out = new double[k][];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray representation = x.matMul(shared);
                NDList leaves = leaves(ofRepresentation, representation);
                NDArray[][] terms = lossTerms(leaves, degenerateStep);
                NDList losses = new NDList();
                for (int i = 0; i < k; i++) {
                    losses.add(terms[i][0].add(terms[i][1]));
                }
                GradientContext context = new GradientContext(tasks, epoch, step, new Random(0), collector, List.of(shared), manager);
                List<NDArray> gradients;
                if (ofRepresentation) {
                    NDList features = new NDList();
                    for (int i = 0; i < k; i++) {
                        features.add(representation);
                    }
                    gradients = new ArrayList<>();
                    for (NDArray g : context.withRepresentations(features, leaves).representationGradients(losses)) {
                        gradients.add(g.sum(new int[] {0}));
                    }
                } else {
                    gradients = context.taskGradients(losses);
                }
                for (int i = 0; i < k; i++) {
                    out[i] = doubles(gradients.get(i));
                }
            }
            return out;
        }
    }

    private static double[] doubles(NDArray array) {
        float[] values = array.toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
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
