package org.mtan4j.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.EngineTest;

/** The conv unit: BatchNorm convention, the initialisations, shapes, PyTorch and DJL names. */
class ConvUnitTest extends EngineTest {

    @Test
    void batchNormUpdatesRunningStatisticsWithPyTorchMomentum01() {
        ConvUnit unit = new ConvUnit(2, 3, 1, ConvInit.XAVIER_NORMAL);
        Shape input = new Shape(4, 2, 6, 8);
        unit.initialize(manager, DataType.FLOAT32, input);
        NDArray x = manager.randomNormal(input);
        NDArray convOut = unit.convolutions().get(0).forward(new ParameterStore(manager, false), new NDList(x), false)
                .singletonOrThrow();
        // Per channel: (C, N*H*W).
        NDArray perChannel = convOut.transpose(1, 0, 2, 3).reshape(3, -1);
        NDArray batchMean = perChannel.mean(new int[] {1});
        long count = 4 * 6 * 8;
        NDArray unbiasedVar = perChannel.sub(batchMean.reshape(3, 1)).square().sum(new int[] {1}).div(count - 1);

        NDArray out = unit.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();

        Map<String, Parameter> names = new LinkedHashMap<>();
        unit.putStateDictEntries("", names);
        // PyTorch: running = (1 - 0.1) * running + 0.1 * batch statistic (unbiased variance).
        assertClose(batchMean.mul(0.1f), names.get("1.running_mean").getArray(), 1e-5f);
        assertClose(unbiasedVar.mul(0.1f).add(0.9f), names.get("1.running_var").getArray(), 1e-5f);
        // Training mode normalises with the batch statistics (biased variance), eps 1e-5, then ReLU.
        NDArray biasedVar = unbiasedVar.mul((count - 1) / (float) count).reshape(1, 3, 1, 1);
        NDArray expected = convOut.sub(batchMean.reshape(1, 3, 1, 1)).div(biasedVar.add(1e-5f).sqrt()).maximum(0f);
        assertClose(expected, out, 1e-4f);
    }

    @Test
    void initialisesAsThePaper() {
        ConvUnit unit = new ConvUnit(64, 64, 1, ConvInit.XAVIER_NORMAL);
        unit.initialize(manager, DataType.FLOAT32, new Shape(1, 64, 8, 8));
        Map<String, Parameter> p = new LinkedHashMap<>();
        unit.putStateDictEntries("", p);
        assertStd(Math.sqrt(2.0 / (64 * 9 + 64 * 9)), p.get("0.weight").getArray());
        assertAll(0f, p.get("0.bias").getArray());
        assertAll(1f, p.get("1.weight").getArray());
        assertAll(0f, p.get("1.bias").getArray());
        assertAll(0f, p.get("1.running_mean").getArray());
        assertAll(1f, p.get("1.running_var").getArray());
        assertTrue(p.get("1.weight").requiresGradient());
        assertFalse(p.get("1.running_mean").requiresGradient());
    }

    @Test
    void pointwiseConvolutionUsesXavierNormalToo() {
        Conv2d conv = Layers.conv(512, 13, 1, ConvInit.XAVIER_NORMAL);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 512, 4, 4));
        assertStd(Math.sqrt(2.0 / (512 + 13)), conv.getParameters().get("weight").getArray());
    }

    @Test
    void keepsTheSpatialSizeAndChecksChannels() {
        ConvUnit unit = new ConvUnit(3, 5, 2, ConvInit.XAVIER_NORMAL);
        assertEquals(new Shape(2, 5, 8, 6), unit.getOutputShapes(new Shape[] {new Shape(2, 3, 8, 6)})[0]);
        assertThrows(IllegalArgumentException.class, () -> unit.getOutputShapes(new Shape[] {new Shape(2, 4, 8, 6)}));
        unit.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 8, 6));
        NDArray out = unit.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(2, 3, 8, 6))), false)
                .singletonOrThrow();
        assertEquals(new Shape(2, 5, 8, 6), out.getShape());
    }

    @Test
    void namesFollowTheReferenceSequential() {
        ConvUnit deep = new ConvUnit(3, 4, 2, ConvInit.XAVIER_NORMAL);
        deep.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 4, 4));
        Map<String, Parameter> names = new LinkedHashMap<>();
        deep.putStateDictEntries("encoder_block.0.", names);
        assertEquals(List.of(
                "encoder_block.0.0.weight", "encoder_block.0.0.bias",
                "encoder_block.0.1.weight", "encoder_block.0.1.bias", "encoder_block.0.1.running_mean", "encoder_block.0.1.running_var",
                "encoder_block.0.3.weight", "encoder_block.0.3.bias",
                "encoder_block.0.4.weight", "encoder_block.0.4.bias", "encoder_block.0.4.running_mean", "encoder_block.0.4.running_var"),
                List.copyOf(names.keySet()));
        assertEquals(new Shape(4, 3, 3, 3), names.get("encoder_block.0.0.weight").getArray().getShape());
        assertEquals(new Shape(4, 4, 3, 3), names.get("encoder_block.0.3.weight").getArray().getShape());

    }

    /** The dense and cross-stitch models' conv_layer chains, e.g. [64, 64, 13] (models.md, dense). */
    @Test
    void chainsNameEveryConvolutionAsOneSequential() {
        ConvUnit chain = ConvUnit.chain(List.of(3, 4, 5), ConvInit.XAVIER_UNIFORM);
        chain.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
        assertEquals(3, chain.inChannels());
        assertEquals(5, chain.outChannels());
        assertEquals(2, chain.depth());
        Map<String, Parameter> entries = new LinkedHashMap<>();
        chain.putStateDictEntries("decoder_block.0.", entries);
        assertEquals(List.of("decoder_block.0.0.weight", "decoder_block.0.0.bias", "decoder_block.0.1.weight",
                "decoder_block.0.1.bias", "decoder_block.0.1.running_mean", "decoder_block.0.1.running_var",
                "decoder_block.0.3.weight", "decoder_block.0.3.bias", "decoder_block.0.4.weight", "decoder_block.0.4.bias",
                "decoder_block.0.4.running_mean", "decoder_block.0.4.running_var"), List.copyOf(entries.keySet()));
        assertEquals(new Shape(5, 4, 3, 3), entries.get("decoder_block.0.3.weight").getArray().getShape());
        NDArray out = chain.forward(new ParameterStore(manager, false),
                new NDList(manager.randomUniform(0f, 1f, new Shape(2, 3, 8, 8))), false).singletonOrThrow();
        assertEquals(new Shape(2, 5, 8, 8), out.getShape());
        assertThrows(IllegalArgumentException.class, () -> ConvUnit.chain(List.of(3), ConvInit.XAVIER_UNIFORM));
        assertThrows(IllegalArgumentException.class, () -> ConvUnit.chain(List.of(3, 0), ConvInit.XAVIER_UNIFORM));
    }

    /** WRN-MTAN's units: PyTorch's default init, DJL children conv and bn, the same PyTorch names. */
    @Test
    void unnumberedUnitsStartAsPyTorchsDefault() {
        ConvUnit unit = ConvUnit.unnumbered(64, 32, ConvInit.PYTORCH_DEFAULT);
        unit.initialize(manager, DataType.FLOAT32, new Shape(1, 64, 8, 8));
        assertEquals(List.of("conv", "bn"), unit.getChildren().keys().stream().map(k -> k.substring(2)).toList());
        Map<String, Parameter> p = new LinkedHashMap<>();
        unit.putStateDictEntries("", p);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"), List.copyOf(p.keySet()));
        float bound = (float) (1 / Math.sqrt(64 * 9));
        for (String name : List.of("0.weight", "0.bias")) {
            NDArray values = p.get(name).getArray();
            assertTrue(values.abs().max().getFloat() <= bound, name + " within +-1/sqrt(fan_in)");
            assertTrue(values.abs().max().getFloat() > 0.5f * bound, name + " spread over the range, not 0");
        }
    }

    private static void assertStd(double expected, NDArray weights) {
        float mean = weights.mean().getFloat();
        float std = weights.sub(mean).square().mean().sqrt().getFloat();
        assertEquals(0.0, mean, 0.05 * expected, "mean");
        assertEquals(expected, std, 0.03 * expected, "standard deviation");
    }

    private static void assertAll(float expected, NDArray array) {
        float[] values = array.toFloatArray();
        float[] all = new float[values.length];
        Arrays.fill(all, expected);
        assertArrayEquals(all, values);
    }

    private static void assertClose(NDArray expected, NDArray actual, float tolerance) {
        assertEquals(expected.getShape(), actual.getShape());
        assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), tolerance);
    }
}
