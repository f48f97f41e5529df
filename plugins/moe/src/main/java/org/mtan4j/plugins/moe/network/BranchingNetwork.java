package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.plugins.moe.encoder.EncoderPass;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * Learning to Branch (Guo, Lee and Ulbricht, "Learning to Branch for Multi-Task Learning", ICML 2020)
 * as LibMTL builds it ({@code LTB}): one copy of the encoder per task (a column), and at each
 * branching stage {@code b} every column chooses which column's previous stage it continues from:
 * <pre>
 *   x_t(b) = sum_j alpha_b[t, j] * out_j(b - 1)        alpha_b = GumbelSoftmax(logits_b, tau, hard)
 * </pre>
 * (other stages continue their own column), so a column whose rows all pick one parent shares that
 * parent's layers: the tree of branches is learned with the network. Task {@code t} receives column
 * {@code t}'s output. The logits, {@code (T, T)} per branching stage, start at 1 (all parents equally
 * likely), as LibMTL's {@code alpha}.
 *
 * <p>One training, staged by epoch as LibMTL's: while {@code epoch < warmup-fraction * epochs} every
 * column reads the sum of all parents ({@code alpha = 1}); afterwards {@code alpha} is a hard
 * Gumbel-softmax sample (one-hot forward, the softmax's gradient backward, straight through) at
 * temperature {@code tau = temperature-scale * epochs / sqrt(epoch + 1)} (LibMTL: {@code epochs / 20 /
 * sqrt(epoch + 1)}). The Gumbel noise comes from the engine's generator, which the runtime seeds from
 * the run's seed, epoch and step. Outside training the choice is the most likely parent (the argmax of
 * the logits: the derived tree; LibMTL samples there too), or the sum while warming up. Without epoch
 * information ({@link #onEpochStart} never called: a benchmark, a test, a model loaded for prediction)
 * there is no warm-up and {@code tau = 1}.
 */
public final class BranchingNetwork extends MixtureNetwork {

    /** Floor of the uniform draws of the Gumbel noise, keeping {@code -log(-log u)} finite. */
    private static final float SMALLEST_UNIFORM = 1e-20f;

    private final List<StagedEncoder> columns = new ArrayList<>();
    private final SortedSet<Integer> branching;
    /** [branching stage index in {@link #branching} order]. */
    private final List<Parameter> logits = new ArrayList<>();
    private final double warmupFraction;
    private final double temperatureScale;
    private boolean warmingUp;
    private double temperature = 1;

    /**
     * A network.
     *
     * @param encoders makes one encoder copy, a new one each call
     * @param taskCount tasks (columns), positive
     * @param branchingStages the stages whose input is chosen, each from 1 to the encoder's last stage
     * @param warmupFraction the fraction of the epochs that warms up, from 0 to 1
     * @param temperatureScale {@code tau}'s factor, positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public BranchingNetwork(Supplier<StagedEncoder> encoders, int taskCount, List<Integer> branchingStages, double warmupFraction,
            double temperatureScale) {
        super("LTB", taskCount);
        for (int t = 0; t < taskCount; t++) {
            columns.add(addChildBlock("column_" + t, encoders.get()));
        }
        int stages = columns.get(0).stageCount();
        branching = new TreeSet<>(branchingStages);
        if (branching.size() != branchingStages.size() || branching.stream().anyMatch(b -> b == null || b < 1 || b >= stages)) {
            throw new IllegalArgumentException("branching stages must be distinct stages from 1 to " + (stages - 1)
                    + " (the encoder's " + stages + " stages; stage 0 reads the image), got " + branchingStages);
        }
        if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
            throw new IllegalArgumentException("the warm-up fraction must be from 0 to 1, got " + warmupFraction);
        }
        if (!(temperatureScale > 0) || Double.isInfinite(temperatureScale)) {
            throw new IllegalArgumentException("the temperature scale must be positive, got " + temperatureScale);
        }
        this.warmupFraction = warmupFraction;
        this.temperatureScale = temperatureScale;
        for (int b : branching) {
            logits.add(addParameter(Parameter.builder().setName("branching_" + b).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(taskCount, taskCount)).optInitializer(Initializer.ONES).build()));
        }
    }

    @Override
    protected StagedEncoder anyEncoder() {
        return columns.get(0);
    }

    /** Column {@code t}. */
    public StagedEncoder column(int t) {
        return columns.get(t);
    }

    /** The branching stages, ascending (read-only). */
    public List<Integer> branchingStages() {
        return List.copyOf(branching);
    }

    /** The logits of branching stage {@code stage}. */
    public Parameter logits(int stage) {
        return logits.get(branching.headSet(stage).size());
    }

    /** Whether the current epoch warms up (every column reads the sum of its parents). */
    public boolean warmingUp() {
        return warmingUp;
    }

    /** The current Gumbel-softmax temperature. */
    public double temperature() {
        return temperature;
    }

    /** Sets the warm-up and temperature of {@code epoch} of {@code epochs}. */
    @Override
    public void onEpochStart(int epoch, int epochs) {
        warmingUp = epoch < warmupFraction * epochs;
        temperature = temperatureScale * epochs / Math.sqrt(epoch + 1.0);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        anyEncoder().checkImages(image.getShape());
        int k = taskCount();
        List<EncoderPass> passes = columns.stream().map(StagedEncoder::newPass).toList();
        List<NDArray> out = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            out.add(columns.get(t).forwardStage(passes.get(t), 0, ps, image, training, params));
        }
        for (int s = 1; s < anyEncoder().stageCount(); s++) {
            List<NDArray> in = out;
            if (branching.contains(s)) {
                NDArray alpha = mixingMatrix(ps.getValue(logits(s), image.getDevice(), training), image.getManager(), training);
                in = new ArrayList<>();
                for (int t = 0; t < k; t++) {
                    in.add(Mixing.row(out, alpha, t));
                }
                Intermediates.release(alpha);
                out.forEach(Intermediates::release);
            }
            List<NDArray> next = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                next.add(columns.get(t).forwardStage(passes.get(t), s, ps, in.get(t), training, params));
            }
            in.forEach(Intermediates::release);
            out = next;
        }
        passes.forEach(EncoderPass::close);
        return new NDList(out);
    }

    /**
     * The {@code (T, T)} matrix whose row {@code t} weighs the parents of column {@code t}: ones while
     * warming up; in training a hard Gumbel-softmax sample of each row; else each row's argmax, one-hot.
     * Made on {@code manager}, the pass's (an operation's result joins its first operand's manager, and
     * the logits live in the model's).
     */
    NDArray mixingMatrix(NDArray logits, NDManager manager, boolean training) {
        int k = taskCount();
        Shape shape = logits.getShape();
        if (warmingUp) {
            return manager.ones(shape, DataType.FLOAT32, logits.getDevice());
        }
        NDArray local = manager.zeros(shape, DataType.FLOAT32, logits.getDevice()).add(logits);
        if (!training) {
            return oneHot(local.argMax(1), k, manager);
        }
        NDArray u = manager.randomUniform(SMALLEST_UNIFORM, 1f, shape, DataType.FLOAT32, logits.getDevice());
        NDArray gumbel = u.log().neg().log().neg();
        NDArray soft = Scalars.mul(gumbel.add(local), 1 / temperature).softmax(1);
        NDArray hard = oneHot(soft.argMax(1), k, manager);
        // PyTorch's gumbel_softmax(hard=True): the one-hot forward, the softmax's gradient backward.
        return hard.sub(soft.stopGradient()).add(soft);
    }

    /** Rows {@code e_index[t]} of the identity, {@code (T, k)} (PyTorch's DJL engine has no one-hot with values). */
    private static NDArray oneHot(NDArray index, int k, NDManager manager) {
        NDArray columns = manager.arange(0f, k, 1f, DataType.INT64, index.getDevice());
        return index.reshape(-1, 1).eq(columns.reshape(1, k)).toType(DataType.FLOAT32, false);
    }

    /**
     * Columns' stages before the last branching stage (their output can reach any later column), and
     * every branching stage's logits (row {@code t} serves column {@code t}, so each matrix serves all);
     * with one task, everything.
     */
    @Override
    public List<Parameter> usedBySeveralTasks() {
        if (taskCount() == 1) {
            return getParameters().values();
        }
        List<Parameter> used = new ArrayList<>();
        int last = branching.isEmpty() ? 0 : branching.last();
        for (StagedEncoder column : columns) {
            for (int s = 0; s < last; s++) {
                used.addAll(column.stageParameters(s));
            }
        }
        used.addAll(logits);
        return Collections.unmodifiableList(used);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape image = anyEncoder().checkImages(inputShapes[0]);
        columns.forEach(c -> c.initialize(manager, dataType, image));
    }
}
