package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.TaskHead;

/**
 * The whole model: a backbone, one head per task and, when the weighting learns parameters, the
 * weighting's block (not used by the forward pass, but initialised, trained and saved with the rest).
 * Forward: {@code NDList(image)} to one prediction per task.
 */
public final class MultiTaskNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Backbone backbone;
    private final Block backboneBlock;
    private final List<Block> heads = new ArrayList<>();
    private final Block weightingBlock;
    private boolean cut;
    private Pair<NDList, NDList> lastRepresentations;

    /** Assembles the network. */
    public MultiTaskNetwork(Backbone backbone, List<TaskHead> heads, Optional<Block> weightingParameters) {
        super(VERSION);
        this.backbone = backbone;
        this.backboneBlock = addChildBlock("backbone", backbone.block());
        for (TaskHead head : heads) {
            this.heads.add(addChildBlock("head-" + head.task().name(), head.block()));
        }
        this.weightingBlock = weightingParameters.map(b -> addChildBlock("weighting", b)).orElse(null);
    }

    /**
     * Cuts the graph between backbone and heads in training passes (for weightings that use
     * representation gradients, LibMTL's {@code rep_grad}): each head then reads a detached copy of its
     * feature map that records its own gradient, see {@link #lastRepresentations()}.
     */
    public void cutAtRepresentations(boolean cut) {
        this.cut = cut;
    }

    /**
     * The last cut training pass's feature maps: {@code key} the backbone's outputs (with their graph),
     * {@code value} the detached leaves the heads read, one per task; {@code null} before any.
     */
    Pair<NDList, NDList> lastRepresentations() {
        return lastRepresentations;
    }

    /** The backbone. */
    public Backbone backbone() {
        return backbone;
    }

    /**
     * Task {@code taskIndex}'s prediction alone: {@link Backbone#forwardTask} and that task's head, for
     * many-to-many training where a batch carries one task (the other heads and, for backbones that
     * override it, the other tasks' branches are not run).
     */
    public NDArray forwardTask(ParameterStore parameterStore, NDArray image, boolean training, int taskIndex) {
        NDArray features = backbone.forwardTask(parameterStore, image, training, taskIndex);
        return heads.get(taskIndex).forward(parameterStore, new NDList(features), training).singletonOrThrow();
    }

    /** The weighting's parameter block, if any. */
    public Optional<Block> weightingBlock() {
        return Optional.ofNullable(weightingBlock);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = backboneBlock.forward(parameterStore, inputs, training, params);
        if (cut && training) {
            NDList leaves = new NDList(features.size());
            for (NDArray feature : features) {
                // One leaf per task even where tasks share a map (split), as LibMTL's rep_tasks.
                NDArray leaf = feature.stopGradient().duplicate();
                leaf.setRequiresGradient(true);
                leaves.add(leaf);
            }
            lastRepresentations = new Pair<>(features, leaves);
            features = leaves;
        }
        NDList predictions = new NDList(heads.size());
        for (int i = 0; i < heads.size(); i++) {
            predictions.add(heads.get(i).forward(parameterStore, new NDList(features.get(i)), training, params).singletonOrThrow());
        }
        return predictions;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] features = backboneBlock.getOutputShapes(inputShapes);
        Shape[] out = new Shape[heads.size()];
        for (int i = 0; i < heads.size(); i++) {
            out[i] = heads.get(i).getOutputShapes(new Shape[] {features[i]})[0];
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backboneBlock.initialize(manager, dataType, inputShapes);
        Shape[] features = backboneBlock.getOutputShapes(inputShapes);
        for (int i = 0; i < heads.size(); i++) {
            heads.get(i).initialize(manager, dataType, features[i]);
        }
        if (weightingBlock != null) {
            weightingBlock.initialize(manager, dataType, new Shape(1));
        }
    }
}
