package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-task gradients of the shared parameters and the write-back of a combined one, as LibMTL's
 * {@code _compute_grad} / {@code _reset_grad} (weighting/abstract_weighting.py). The one class of the
 * runtime that calls the PyTorch engine directly: DJL's {@code GradientCollector} cannot keep the graph
 * between backward passes, {@link JniUtils#backward} can ({@code retain_graph=True}).
 */
final class SharedGradients {

    private final List<NDArray> shared = new ArrayList<>();
    private final long total;

    /** @param parameters the backbone's shared parameters, initialised, on the training device */
    SharedGradients(List<Parameter> parameters) {
        long size = 0;
        for (Parameter p : parameters) {
            shared.add(p.getArray());
            size += p.getArray().size();
        }
        this.total = size;
    }

    /** The length of a flattened gradient. */
    long size() {
        return total;
    }

    /**
     * One backward pass per task keeping the graph; after each, the shared gradients are read into a
     * new flat vector (attached to {@code manager}) and zeroed, so the next task starts from zero while
     * every other parameter keeps accumulating.
     */
    List<NDArray> taskGradients(NDList losses, NDManager manager) {
        List<NDArray> out = new ArrayList<>(losses.size());
        for (NDArray loss : losses) {
            backwardKeepingGraph(loss);
            try (NDManager scratch = manager.newSubManager()) {
                NDList parts = new NDList(shared.size());
                for (NDArray array : shared) {
                    NDArray gradient = array.getGradient();
                    gradient.attach(scratch);
                    parts.add(gradient.reshape(-1));
                }
                // concat copies, so zeroing the gradients below leaves the vector alone
                NDArray flat = parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts);
                flat.attach(manager);
                out.add(flat);
                for (NDArray array : shared) {
                    JniUtils.zeroGrad((PtNDArray) array);
                }
            }
        }
        return out;
    }

    /** Replaces the shared parameters' gradients by the slices of {@code combined}. */
    void setSharedGradient(NDArray combined, NDManager manager) {
        if (combined.size() != total) {
            throw new IllegalArgumentException("the combined gradient has " + combined.size()
                    + " elements, the shared parameters " + total);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray flat = combined.reshape(-1);
            flat.attach(scratch);
            long offset = 0;
            for (NDArray array : shared) {
                long n = array.size();
                NDArray slice = flat.get(new NDIndex("{}:{}", offset, offset + n)).reshape(array.getShape())
                        .toType(array.getDataType(), false);
                JniUtils.zeroGrad((PtNDArray) array);
                NDArray gradient = array.getGradient();
                gradient.attach(scratch);
                gradient.addi(slice);
                offset += n;
            }
        }
    }

    /** Per task {@code dL_k / dZ_k} on the detached leaves of the last cut pass, copied to {@code manager}. */
    static List<NDArray> representationGradients(NDList losses, NDList leaves, NDManager manager) {
        List<NDArray> out = new ArrayList<>(losses.size());
        for (int k = 0; k < losses.size(); k++) {
            backwardKeepingGraph(losses.get(k));
            NDArray gradient = leaves.get(k).getGradient();
            gradient.attach(manager);
            out.add(gradient.duplicate());
        }
        return out;
    }

    /**
     * {@code Z.backward(g)} for the backbone's outputs, the gradients of tasks that share one output
     * summed first (LibMTL: {@code rep.backward(sum_k ...)}). The graph is kept.
     */
    static void backwardRepresentations(NDList features, List<NDArray> gradients) {
        List<NDArray> targets = new ArrayList<>();
        List<NDArray> sums = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) {
            NDArray feature = features.get(k);
            int index = -1;
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) == feature) {
                    index = i;
                }
            }
            if (index < 0) {
                targets.add(feature);
                sums.add(gradients.get(k));
            } else {
                sums.set(index, sums.get(index).add(gradients.get(k)));
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            if (!(targets.get(i) instanceof PtNDArray pt)) {
                throw new UnsupportedOperationException("representation gradients need the PyTorch engine");
            }
            NDArray g = sums.get(i).toType(pt.getDataType(), false);
            JniUtils.backward(pt, (PtNDArray) g, true, false);
        }
    }

    /** {@code loss.backward(retain_graph=True)}. */
    static void backwardKeepingGraph(NDArray loss) {
        if (!(loss instanceof PtNDArray pt)) {
            throw new UnsupportedOperationException("per-task gradients need the PyTorch engine, the loss is a "
                    + loss.getClass().getName());
        }
        try (NDArray ones = pt.onesLike()) {
            JniUtils.backward(pt, (PtNDArray) ones, true, false);
        }
    }
}
