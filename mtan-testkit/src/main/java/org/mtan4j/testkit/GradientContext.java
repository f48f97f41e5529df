package org.mtan4j.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

/**
 * A {@link WeightingContext} for tests that offers per-task gradients of given "shared" arrays, the
 * way the runtime does for a backbone's shared parameters: one backward per task keeping the graph
 * (PyTorch engine), the shared gradients read and zeroed after each, every other array accumulating.
 * Use it in golden tests of gradient-level weightings: with linear losses {@code L_k = g_k . w} the
 * per-task gradients are exactly the chosen {@code g_k}. Backward passes that keep the graph go through
 * {@link RetainedGraph}, the kit's one reach into the engine.
 */
public final class GradientContext implements WeightingContext {

    private final List<TaskSpec> tasks;
    private final int epoch;
    private final long step;
    private final Random random;
    private final GradientCollector collector;
    private final List<NDArray> shared;
    private final NDManager manager;
    private NDList features;
    private NDList leaves;
    private boolean collectBeforeBackward;

    /**
     * @param collector the open collector of the step
     * @param shared arrays that require gradients and play the shared parameters
     * @param manager where the gradient vectors are attached
     */
    public GradientContext(List<TaskSpec> tasks, int epoch, long step, Random random, GradientCollector collector,
            List<NDArray> shared, NDManager manager) {
        this.tasks = List.copyOf(tasks);
        this.epoch = epoch;
        this.step = step;
        this.random = random;
        this.collector = collector;
        this.shared = List.copyOf(shared);
        this.manager = manager;
    }

    /**
     * Also offers representation gradients (LibMTL's {@code rep_grad}), as the runtime does for a
     * weighting whose {@code usesRepresentationGradients()} is true.
     *
     * @param features the "backbone" outputs, one per task (the same array for tasks sharing one), with graph
     * @param leaves what the task losses were computed from: per task a detached copy of its feature that
     *     requires gradient ({@link #cut})
     * @return this context
     */
    public GradientContext withRepresentations(NDList features, NDList leaves) {
        this.features = features;
        this.leaves = leaves;
        return this;
    }

    /**
     * Forces a garbage collection, and overwrites the native memory it frees, before every backward
     * pass this context runs: the weighting's arithmetic between forward and backward must not depend
     * on memory only Java keeps alive ({@link FreedMemory}).
     *
     * @return this context
     */
    public GradientContext collectingGarbageBeforeBackward() {
        this.collectBeforeBackward = true;
        return this;
    }

    private void backward(NDArray target, NDArray gradient) {
        FreedMemory.run(collectBeforeBackward, () -> RetainedGraph.backward(target, gradient));
    }

    /** Zeroes the gradient {@code array} holds, in place (as DJL's {@code GradientCollector.zeroGradients}). */
    private void zeroGradient(NDArray array) {
        NDArray gradient = array.getGradient();
        gradient.attach(manager);
        gradient.subi(gradient);
    }

    /** A detached copy of {@code feature} that records its own gradient: what a head reads in a cut pass. */
    public static NDArray cut(NDArray feature) {
        NDArray leaf = feature.stopGradient().duplicate();
        leaf.setRequiresGradient(true);
        return leaf;
    }

    @Override
    public boolean offersRepresentationGradients() {
        return leaves != null;
    }

    @Override
    public NDList representations() {
        NDList out = new NDList();
        for (NDArray leaf : leaves) {
            out.add(leaf.stopGradient());
        }
        return out;
    }

    @Override
    public List<NDArray> representationGradients(NDList taskLosses) {
        List<NDArray> out = new ArrayList<>();
        for (int k = 0; k < taskLosses.size(); k++) {
            NDArray loss = taskLosses.get(k);
            backward(loss, loss.onesLike());
            NDArray gradient = leaves.get(k).getGradient();
            gradient.attach(manager);
            out.add(gradient.duplicate());
        }
        return out;
    }

    @Override
    public void backwardRepresentations(List<NDArray> gradients) {
        List<NDArray> targets = new ArrayList<>();
        List<NDArray> sums = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) {
            int index = -1;
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) == features.get(k)) { // identity: tasks sharing one representation
                    index = i;
                }
            }
            if (index < 0) {
                targets.add(features.get(k));
                sums.add(gradients.get(k));
            } else {
                sums.set(index, sums.get(index).add(gradients.get(k)));
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            backward(targets.get(i), sums.get(i));
        }
    }

    @Override
    public List<TaskSpec> tasks() {
        return tasks;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public Random random() {
        return random;
    }

    @Override
    public void backward(NDArray loss) {
        FreedMemory.run(collectBeforeBackward, () -> collector.backward(loss));
    }

    @Override
    public boolean offersTaskGradients() {
        return true;
    }

    @Override
    public List<NDArray> taskGradients(NDList taskLosses) {
        if (taskLosses.size() != tasks.size()) {
            throw new IllegalArgumentException("expected " + tasks.size() + " task losses, got " + taskLosses.size());
        }
        List<NDArray> out = new ArrayList<>();
        for (NDArray loss : taskLosses) {
            backward(loss, loss.onesLike());
            NDList parts = new NDList();
            for (NDArray array : shared) {
                NDArray gradient = array.getGradient();
                gradient.attach(manager);
                parts.add(gradient.reshape(-1));
            }
            out.add(parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts));
            for (NDArray array : shared) {
                zeroGradient(array);
            }
        }
        return out;
    }

    @Override
    public void setSharedGradient(NDArray combined) {
        long total = shared.stream().mapToLong(NDArray::size).sum();
        if (combined.size() != total) {
            throw new IllegalArgumentException("combined gradient of " + combined.size() + " elements for " + total);
        }
        long offset = 0;
        for (NDArray array : shared) {
            long n = array.size();
            NDArray slice = combined.reshape(-1).get(new NDIndex("{}:{}", offset, offset + n)).reshape(array.getShape());
            zeroGradient(array);
            NDArray gradient = array.getGradient();
            gradient.attach(manager);
            gradient.addi(slice.toType(array.getDataType(), false));
            offset += n;
        }
    }
}
