package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.testkit.EngineTest;

/**
 * Initialisation per model (models.md, "Variants", Init): Xavier-normal convolution weights for
 * single / STAN / split / MTAN, Xavier-uniform for dense and cross-stitch, biases 0, BatchNorm weight
 * 1 and bias 0, cross-stitch units 1. Statistics are checked on layers of tens of thousands of weights.
 */
class InitialisationTest extends EngineTest {

    private static final SegNetOptions MEDIUM = new SegNetOptions(List.of(16, 32, 32, 64, 64));
    private static final List<TaskSpec> TASKS = List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"));

    private Map<String, Parameter> build(SegNetBackbone backbone) {
        backbone.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return backbone.stateDictEntries();
    }

    private static BackboneContext context() {
        return new BackboneContext(TASKS, new Shape(3, 32, 32));
    }

    @Test
    void mtanUsesXavierNormalEverywhere() {
        Map<String, Parameter> p = build(new MtanBackboneProvider().create(MEDIUM, context()));
        assertXavierNormal(p.get("encoder_block_att.3.0.weight").getArray()); // 3x3 conv 64 -> 64
        assertXavierNormal(p.get("decoder_att.1.4.0.weight").getArray());     // 1x1 conv 128 -> 64
        assertXavierNormal(p.get("conv_block_enc.4.1.0.weight").getArray());  // trunk
        assertConstant(p.get("decoder_att.1.4.0.bias").getArray(), 0f);
        assertConstant(p.get("decoder_att.1.4.4.weight").getArray(), 1f);
        assertConstant(p.get("decoder_att.1.4.4.bias").getArray(), 0f);
        assertConstant(p.get("decoder_att.1.4.4.running_var").getArray(), 1f);
    }

    @Test
    void denseUsesXavierUniform() {
        Map<String, Parameter> p = build(new DenseBackboneProvider().create(MEDIUM, context()));
        assertXavierUniform(p.get("decoder_block_t.1.4.0.weight").getArray()); // 3x3 conv 128 -> 64
        assertXavierUniform(p.get("encoder_block.4.3.weight").getArray());     // 3x3 conv 64 -> 64
        assertConstant(p.get("encoder_block.4.3.bias").getArray(), 0f);
        assertConstant(p.get("encoder_block.4.4.weight").getArray(), 1f);
    }

    @Test
    void crossStitchUsesXavierUniformAndUnitsOfOne() {
        Map<String, Parameter> p = build(new CrossStitchBackboneProvider().create(MEDIUM, context()));
        assertXavierUniform(p.get("decoder_block_t.0.4.3.weight").getArray());
        assertEquals(new Shape(4, 2), p.get("cs_unit_encoder").getArray().getShape());
        assertEquals(new Shape(5, 2), p.get("cs_unit_decoder").getArray().getShape());
        assertConstant(p.get("cs_unit_encoder").getArray(), 1f);
        assertConstant(p.get("cs_unit_decoder").getArray(), 1f);
    }

    /** torch.nn.init.xavier_normal_: N(0, 2 / (fan_in + fan_out)), fan = channels * kernel area. */
    private static void assertXavierNormal(NDArray w) {
        double expected = Math.sqrt(2.0 / fans(w.getShape()));
        double std = std(w);
        assertTrue(Math.abs(std / expected - 1) < 0.05, "std " + std + " vs " + expected);
        // A normal sample this large exceeds the uniform bound sqrt(3) * std somewhere.
        assertTrue(w.abs().max().getFloat() > Math.sqrt(3) * expected, "not uniform");
    }

    /** torch.nn.init.xavier_uniform_: U(-b, b) with b = sqrt(6 / (fan_in + fan_out)). */
    private static void assertXavierUniform(NDArray w) {
        double bound = Math.sqrt(6.0 / fans(w.getShape()));
        assertTrue(w.abs().max().getFloat() <= bound, "within the bound " + bound);
        double std = std(w);
        assertTrue(Math.abs(std / (bound / Math.sqrt(3)) - 1) < 0.05, "std " + std + " vs " + bound / Math.sqrt(3));
    }

    private static double fans(Shape s) {
        long area = s.dimension() > 2 ? s.slice(2).size() : 1;
        return (s.get(0) + s.get(1)) * (double) area;
    }

    private static double std(NDArray w) {
        float[] v = w.toFloatArray();
        double sum = 0;
        double squares = 0;
        for (float x : v) {
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / v.length;
        return Math.sqrt(squares / v.length - mean * mean);
    }

    private static void assertConstant(NDArray a, float value) {
        float[] expected = new float[(int) a.size()];
        java.util.Arrays.fill(expected, value);
        assertArrayEquals(expected, a.toFloatArray());
    }
}
