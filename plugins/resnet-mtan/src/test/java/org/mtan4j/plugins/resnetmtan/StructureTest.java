package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.blocks.resnet.Bottleneck;

/**
 * What shapes alone cannot show: the dilation schedule of output stride 8, torchvision's names for the
 * trunk, and the initialisation (models.md, ResNet-MTAN).
 */
class StructureTest extends EngineTest {

    private ResNetMtanBackbone fullSize() {
        Shape image = new Shape(3, 8, 8);
        ResNetMtanBackbone backbone = new ResNetMtanBackboneProvider().create(ResNetMtanOptions.DEFAULT,
                new BackboneContext(ParameterCountTest.NYUV2, image));
        backbone.block().initialize(manager, DataType.FLOAT32, new Shape(1).addAll(image));
        return backbone;
    }

    @Test
    void dilatesAsResnetDilatedWithScale8() {
        ResNetMtanBlock block = new ResNetMtanBlock(3, ResNetMtanOptions.DEFAULT, 1);
        // {stride of the first block, dilation of the first block, dilation of the others} per stage.
        int[][] expected = {{1, 1, 1}, {2, 1, 1}, {1, 1, 2}, {1, 2, 4}};
        for (int s = 0; s < 4; s++) {
            List<Bottleneck> stage = block.stage(s);
            assertEquals(List.of(3, 4, 6, 3).get(s), stage.size(), "ResNet-50 depth of stage " + (s + 1));
            assertEquals(expected[s][0], stage.get(0).stride(), "stage " + (s + 1) + " stride");
            assertEquals(expected[s][1], stage.get(0).dilation(), "stage " + (s + 1) + " first dilation");
            assertEquals(stage.get(0).dilation(), stage.get(0).padding(), "padding = dilation");
            for (int k = 1; k < stage.size(); k++) {
                assertEquals(1, stage.get(k).stride());
                assertEquals(expected[s][2], stage.get(k).dilation(), "stage " + (s + 1) + " block " + k + " dilation");
                assertEquals(expected[s][2], stage.get(k).padding());
            }
        }
    }

    @Test
    void trunkUnderTorchvisionNames() {
        ResNetMtanBackbone backbone = fullSize();
        Map<String, Parameter> torchvision = backbone.trunkStateDictEntries();
        Map<String, Parameter> reference = backbone.referenceTrunkEntries();
        assertEquals(reference.size(), torchvision.size());
        assertEquals(List.copyOf(reference.values()), List.copyOf(torchvision.values()), "same parameters, same order");
        // torchvision resnet50: 53 conv/bn pairs in the trunk; spot-check the renaming.
        assertTrue(torchvision.get("conv1.weight") == reference.get("shared_conv.0.weight"));
        assertTrue(torchvision.get("bn1.running_var") == reference.get("shared_conv.1.running_var"));
        assertTrue(torchvision.get("layer1.0.downsample.0.weight") == reference.get("shared_layer1_b.0.downsample.0.weight"));
        assertTrue(torchvision.get("layer1.2.conv3.weight") == reference.get("shared_layer1_t.conv3.weight"));
        assertTrue(torchvision.get("layer3.5.bn2.bias") == reference.get("shared_layer3_t.bn2.bias"));
        assertTrue(torchvision.get("layer4.1.conv2.weight") == reference.get("shared_layer4_b.1.conv2.weight"));
    }

    @Test
    void initialisesAsTheReference() {
        Map<String, Parameter> entries = fullSize().stateDictEntries();
        // Trunk: Kaiming-normal over fan-out; layer3's 3x3: fan_out = 256 * 9, std sqrt(2 / 2304).
        NDArray trunk = entries.get("shared_layer3_b.1.conv2.weight").getArray();
        assertEquals(Math.sqrt(2.0 / 2304), std(trunk), 0.02 * Math.sqrt(2.0 / 2304));
        assertEquals(0.0, trunk.mean().getFloat(), 1e-3);
        // Elsewhere PyTorch's default: uniform(+-1/sqrt(fan_in)), std bound / sqrt(3).
        NDArray att = entries.get("encoder_att_4.0.0.weight").getArray(); // (512, 4096, 1, 1)
        double bound = 1 / Math.sqrt(4096);
        assertTrue(att.abs().max().getFloat() <= bound + 1e-7, "within the bound");
        assertEquals(bound / Math.sqrt(3), std(att), 0.02 * bound);
        NDArray bias = entries.get("encoder_att_4.0.0.bias").getArray();
        assertTrue(bias.abs().max().getFloat() <= bound + 1e-7 && bias.abs().max().getFloat() > bound / 2, "bias uniform too");
        NDArray blockAtt = entries.get("encoder_block_att_3.conv2.weight").getArray(); // (512, 512, 3, 3)
        assertEquals(1 / Math.sqrt(4608) / Math.sqrt(3), std(blockAtt), 0.02 / Math.sqrt(4608));
        assertEquals(1f, entries.get("shared_layer2_t.bn3.weight").getArray().min().getFloat());
        assertEquals(0f, entries.get("encoder_att_1.0.4.bias").getArray().abs().max().getFloat());
        assertEquals(1f, entries.get("shared_conv.1.running_var").getArray().min().getFloat());
    }

    private static double std(NDArray a) {
        NDArray centred = a.sub(a.mean());
        return Math.sqrt(centred.mul(centred).mean().getFloat());
    }
}
