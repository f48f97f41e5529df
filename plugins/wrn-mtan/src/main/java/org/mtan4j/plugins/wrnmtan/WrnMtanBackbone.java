package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskHead;
import org.mtan4j.blocks.mtan.TaskAttentionBackbone;

/**
 * The WRN-MTAN backbone (models.md, WRN-MTAN): one attended {@code (N, 64k, H/8, W/8)} map per task.
 *
 * <p>{@link #block()}'s forward computes every task's attention path, as the API asks. In the
 * decathlon each batch comes from one domain and the reference runs only that domain's path
 * ({@code forward(x, k)}); {@link #forwardTask} does the same, which is 1/N of the attention work
 * and keeps the other tasks' attention BatchNorm statistics untouched; the runtime's many-to-many
 * trainer uses it.
 *
 * <p>Shared parameters: the trunk ({@code conv1}, the three groups, the final BatchNorm) and the
 * shared conv units {@code encoder_block_att}; the attention layers are task-specific.
 *
 * <p>PyTorch names: {@link #stateDictEntries()} lists the backbone in PyTorch's order without
 * classifiers ({@code conv1}, {@code layer<g>.<k>.*}, {@code bn1.*}, {@code encoder_att.<task>.<j>.*},
 * {@code encoder_block_att.<j>.*}); task {@code i}'s classifier sits under {@code linear.<i>.}. The
 * reference lists the classifiers between {@code bn1} and the attention modules:
 * {@link #stateDictEntries(List)} gives that exact order; a consumer that appends the heads' entries
 * after the backbone's gets the same names and shapes in a different order (harmless for import by
 * name).
 */
public final class WrnMtanBackbone extends TaskAttentionBackbone<WrnMtanBlock> {

    WrnMtanBackbone(WrnMtanBlock block) {
        super(block, "linear");
    }

    /**
     * One task's feature map: the shared network and that task's attention path only (the reference's
     * {@code forward(x, k)} without its classifier).
     *
     * @param images {@code (N, C, H, W)}, H and W multiples of 8
     * @param training whether BatchNorm uses and updates batch statistics
     * @param taskIndex the task (domain)
     * @return {@code (N, featureChannels, H/8, W/8)}
     */
    @Override
    public NDArray forwardTask(ParameterStore parameterStore, NDArray images, boolean training, int taskIndex) {
        return block().forwardTasks(parameterStore, images, new int[] {taskIndex}, training, null).singletonOrThrow();
    }

    /**
     * The whole model's entries in the reference's order, which places the classifiers
     * ({@code linear.<i>.0.*}, {@link #headPrefix(int)}) between the trunk and the attention modules.
     *
     * @param heads one head per task, in task order
     * @throws IllegalArgumentException if the number of heads is not the number of tasks
     */
    public Map<String, Parameter> stateDictEntries(List<? extends TaskHead> heads) {
        if (heads.size() != taskCount()) {
            throw new IllegalArgumentException("need one head per task (" + taskCount() + "), got " + heads.size());
        }
        Map<String, Parameter> entries = new LinkedHashMap<>();
        block().putTrunkEntries("", entries);
        for (int i = 0; i < heads.size(); i++) {
            entries.putAll(heads.get(i).stateDictEntries(headPrefix(i)));
        }
        block().putAttentionEntries("", entries);
        return entries;
    }
}
