package org.mtan4j.plugins.resnetmtan;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtan4j.blocks.mtan.TaskAttentionBackbone;

/**
 * The ResNet-MTAN backbone (models.md, ResNet-MTAN): one attended {@code (N, 2048, H/8, W/8)} map per
 * task with the paper's widths. Knows the reference's PyTorch names for weight import and export:
 * {@link #stateDictEntries()} lists {@code shared_conv.*}, {@code shared_layer<s>_b.<k>.*},
 * {@code shared_layer<s>_t.*}, {@code encoder_att_<s>.<task>.*}, {@code encoder_block_att_<s>.*};
 * task {@code i}'s head sits under {@code decoders.<i>.}.
 *
 * <p>Shared parameters: the ResNet trunk and the three block_att bottlenecks (every task's attention
 * path runs through them); the attention layers are task-specific.
 */
public final class ResNetMtanBackbone extends TaskAttentionBackbone<ResNetMtanBlock> {

    ResNetMtanBackbone(ResNetMtanBlock block) {
        super(block, "decoders");
    }

    /**
     * Only the ResNet trunk's entries under the reference's names ({@code shared_conv.*} and
     * {@code shared_layer*}): the part an ImageNet-pretrained ResNet-50 fills. The same parameters, in
     * the same order, as {@link #trunkStateDictEntries()}, whose torchvision name {@code layer<s>.<k>}
     * is {@code shared_layer<s>_b.<k>} here for all but the last block and {@code shared_layer<s>_t}
     * for the last.
     */
    public Map<String, Parameter> referenceTrunkEntries() {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        block().putTrunkEntries("", entries);
        return entries;
    }

    /**
     * The trunk under torchvision's ResNet names ({@code conv1.weight}, {@code bn1.*},
     * {@code layer<s>.<k>.*}, running statistics included; no {@code fc}): what
     * {@code torchvision.models.resnet50().state_dict()} holds, so ImageNet weights exported from
     * PyTorch can be loaded into the trunk alone, as the paper starts ({@code mtan import-weights --only
     * trunk}; the file's {@code num_batches_tracked} and {@code fc.*} entries have no counterpart).
     */
    @Override
    public Map<String, Parameter> trunkStateDictEntries() {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        block().putTorchvisionEntries(entries);
        return entries;
    }
}
