package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.plugins.moe.encoder.EncoderPass;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * Gated mixtures of expert encoders in extraction levels: Progressive Layered Extraction (Tang et al.,
 * "Progressive Layered Extraction (PLE): A Novel Multi-Task Learning (MTL) Model for Personalized
 * Recommendations", RecSys 2020, section 4.3), of which one level is CGC (section 4.2), CGC without
 * task experts MMoE (Ma et al., KDD 2018) and MMoE with DSelect-k's gate DSelect-k (Hazimeh et al.,
 * NeurIPS 2021).
 *
 * <p>There are {@code m_s} shared and, per task, {@code m_t} task-specific experts, each a copy of the
 * encoder; the encoder's stages are cut into {@code L} contiguous levels (level {@code j} covers stages
 * {@code floor(j S / L)} to {@code floor((j + 1) S / L) - 1} of {@code S}), and each expert is its
 * copy's stages of a level. Level {@code j} reads a shared stream {@code s_j} and one stream
 * {@code t_j} per task, all the image at level 0:
 * <pre>
 *   shared expert k:      E_k(s_j)          task t's expert k:   E_tk(t_j)
 *   t_(j+1) = sum gate_tj(t_j) * [shared experts, task t's experts]           (each task)
 *   s_(j+1) = sum gate_sj(s_j) * [shared experts, every task's experts]       (j &lt; L - 1, m_s &gt; 0)
 * </pre>
 * Task {@code t} receives {@code t_L}. Gates read their stream flattened (LibMTL's, which feeds the
 * flattened image to CGC's and MMoE's gates and each level's input to PLE's). LibMTL's PLE differs
 * from the paper's: it has no shared gate and runs the shared experts on every task's stream; this is
 * the paper's, in which the shared experts see the shared stream once.
 */
public final class ExtractionNetwork extends MixtureNetwork {

    private final List<StagedEncoder> sharedExperts = new ArrayList<>();
    /** [task][k]. */
    private final List<List<StagedEncoder>> taskExperts = new ArrayList<>();
    /** Level j covers stages levelStarts[j] to levelStarts[j + 1] - 1. */
    private final int[] levelStarts;
    /** [level][task]. */
    private final List<List<Gate>> taskGates = new ArrayList<>();
    /** [level], for the levels with a shared gate. */
    private final List<Gate> sharedGates = new ArrayList<>();

    /**
     * A network.
     *
     * @param model its name, for messages ({@code MMoE}, {@code CGC}, ...)
     * @param encoders makes one encoder copy, a new one each call
     * @param taskCount tasks, positive
     * @param sharedCount {@code m_s}, at least 0
     * @param taskExpertCount {@code m_t}, at least 0; {@code m_s + m_t} at least 1
     * @param levels {@code L}, from 1 to the encoder's stages
     * @param gates a gate over the given number of experts, a new one each call
     * @throws IllegalArgumentException if a count is out of range
     */
    public ExtractionNetwork(String model, Supplier<StagedEncoder> encoders, int taskCount, int sharedCount, int taskExpertCount,
            int levels, IntFunction<Gate> gates) {
        super(model, taskCount);
        if (sharedCount < 0 || taskExpertCount < 0 || sharedCount + taskExpertCount < 1) {
            throw new IllegalArgumentException("each task needs at least one expert: " + sharedCount + " shared and "
                    + taskExpertCount + " per task");
        }
        for (int k = 0; k < sharedCount; k++) {
            sharedExperts.add(addChildBlock("shared_expert_" + k, encoders.get()));
        }
        for (int t = 0; t < taskCount; t++) {
            List<StagedEncoder> own = new ArrayList<>();
            for (int k = 0; k < taskExpertCount; k++) {
                own.add(addChildBlock("task_" + t + "_expert_" + k, encoders.get()));
            }
            taskExperts.add(own);
        }
        int stages = anyEncoder().stageCount();
        if (levels < 1 || levels > stages) {
            throw new IllegalArgumentException("levels must be 1 to " + stages + " (the encoder's stages), got " + levels);
        }
        levelStarts = new int[levels + 1];
        for (int j = 0; j <= levels; j++) {
            levelStarts[j] = j * stages / levels;
        }
        for (int j = 0; j < levels; j++) {
            List<Gate> level = new ArrayList<>();
            for (int t = 0; t < taskCount; t++) {
                level.add(addChildBlock("gate_" + j + "_task_" + t, gates.apply(sharedCount + taskExpertCount)));
            }
            taskGates.add(level);
            if (hasSharedGate(j)) {
                sharedGates.add(addChildBlock("gate_" + j + "_shared", gates.apply(sharedCount + taskCount * taskExpertCount)));
            }
        }
    }

    @Override
    protected StagedEncoder anyEncoder() {
        return sharedExperts.isEmpty() ? taskExperts.get(0).get(0) : sharedExperts.get(0);
    }

    /** The number of levels {@code L}. */
    public int levels() {
        return levelStarts.length - 1;
    }

    /** The first stage of level {@code j} (the encoder's stage count for {@code j = L}). */
    public int levelStart(int j) {
        return levelStarts[j];
    }

    /** The shared experts (read-only). */
    public List<StagedEncoder> sharedExperts() {
        return Collections.unmodifiableList(sharedExperts);
    }

    /** Task {@code t}'s experts (read-only). */
    public List<StagedEncoder> taskExperts(int t) {
        return Collections.unmodifiableList(taskExperts.get(t));
    }

    /** Task {@code t}'s gate at level {@code j}. */
    public Gate taskGate(int j, int t) {
        return taskGates.get(j).get(t);
    }

    /** Whether level {@code j} mixes a shared stream for the next level: not the last, and only with shared experts. */
    public boolean hasSharedGate(int j) {
        return j < levels() - 1 && !sharedExperts.isEmpty();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        anyEncoder().checkImages(image.getShape());
        List<EncoderPass> sharedPasses = new ArrayList<>();
        sharedExperts.forEach(e -> sharedPasses.add(e.newPass()));
        List<List<EncoderPass>> taskPasses = new ArrayList<>();
        taskExperts.forEach(own -> taskPasses.add(own.stream().map(StagedEncoder::newPass).toList()));
        int k = taskCount();
        NDArray sharedStream = image;
        NDArray[] streams = new NDArray[k];
        java.util.Arrays.fill(streams, image);
        for (int j = 0; j < levels(); j++) {
            int from = levelStarts[j];
            int to = levelStarts[j + 1];
            List<NDArray> sharedOut = new ArrayList<>();
            for (int e = 0; e < sharedExperts.size(); e++) {
                sharedOut.add(sharedExperts.get(e).forwardStages(sharedPasses.get(e), from, to, ps, sharedStream, training, params));
            }
            List<List<NDArray>> taskOut = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                List<NDArray> own = new ArrayList<>();
                for (int e = 0; e < taskExperts.get(t).size(); e++) {
                    own.add(taskExperts.get(t).get(e).forwardStages(taskPasses.get(t).get(e), from, to, ps, streams[t], training, params));
                }
                taskOut.add(own);
            }
            NDArray[] next = new NDArray[k];
            for (int t = 0; t < k; t++) {
                List<NDArray> candidates = new ArrayList<>(sharedOut);
                candidates.addAll(taskOut.get(t));
                next[t] = mix(taskGates.get(j).get(t), candidates, streams[t], ps, training, params);
            }
            NDArray nextShared = null;
            if (hasSharedGate(j)) {
                List<NDArray> candidates = new ArrayList<>(sharedOut);
                taskOut.forEach(candidates::addAll);
                nextShared = mix(sharedGates.get(j), candidates, sharedStream, ps, training, params);
            }
            release(image, sharedStream, streams, sharedOut, taskOut);
            sharedStream = nextShared;
            streams = next;
        }
        sharedPasses.forEach(EncoderPass::close);
        taskPasses.forEach(own -> own.forEach(EncoderPass::close));
        return new NDList(streams);
    }

    private static NDArray mix(Gate gate, List<NDArray> candidates, NDArray stream, ParameterStore ps, boolean training,
            PairList<String, Object> params) {
        NDArray weights = gate.forward(ps, new NDList(stream), training, params).singletonOrThrow();
        NDArray mixed = Mixing.perSample(candidates, weights);
        weights.close();
        return mixed;
    }

    /** Closes a finished level's inputs and expert outputs (never the image, which the caller owns). */
    private static void release(NDArray image, NDArray sharedStream, NDArray[] streams, List<NDArray> sharedOut,
            List<List<NDArray>> taskOut) {
        Set<NDArray> done = Collections.newSetFromMap(new IdentityHashMap<>());
        done.add(sharedStream);
        done.addAll(List.of(streams));
        done.addAll(sharedOut);
        taskOut.forEach(done::addAll);
        done.remove(image);
        done.remove(null);
        done.forEach(Intermediates::release);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape image = anyEncoder().checkImages(inputShapes[0]);
        sharedExperts.forEach(e -> e.initialize(manager, dataType, image));
        taskExperts.forEach(own -> own.forEach(e -> e.initialize(manager, dataType, image)));
        int shared = 0;
        for (int j = 0; j < levels(); j++) {
            Shape stream = anyEncoder().stagesOutputShape(0, levelStarts[j], image);
            for (Gate gate : taskGates.get(j)) {
                gate.initialize(manager, dataType, stream);
            }
            if (hasSharedGate(j)) {
                sharedGates.get(shared++).initialize(manager, dataType, stream);
            }
        }
    }

    /**
     * Shared experts and gates, task experts below the last level when a shared gate mixes them, and
     * task gates whose stream feeds such experts; with one task, everything.
     */
    @Override
    public List<Parameter> usedBySeveralTasks() {
        if (taskCount() == 1) {
            return getParameters().values();
        }
        List<Parameter> used = new ArrayList<>();
        sharedExperts.forEach(e -> used.addAll(e.getParameters().values()));
        for (List<StagedEncoder> own : taskExperts) {
            for (StagedEncoder expert : own) {
                for (int j = 0; j < levels(); j++) {
                    if (hasSharedGate(j)) {
                        for (int s = levelStarts[j]; s < levelStarts[j + 1]; s++) {
                            used.addAll(expert.stageParameters(s));
                        }
                    }
                }
            }
        }
        int shared = 0;
        for (int j = 0; j < levels(); j++) {
            if (j + 1 < levels() && hasSharedGate(j + 1) && !taskExperts.get(0).isEmpty()) {
                taskGates.get(j).forEach(g -> used.addAll(g.getParameters().values()));
            }
            if (hasSharedGate(j)) {
                used.addAll(sharedGates.get(shared++).getParameters().values());
            }
        }
        return Collections.unmodifiableList(used);
    }
}
