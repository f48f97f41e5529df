package org.mtan4j.api.nd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.ContractSupport;

/**
 * A 3x3 convolution with a number of output channels that is not a multiple of 16 gets its input
 * gradient right even when the allocator hands back memory full of NaN (the oneDNN fault the class
 * note describes; on a CPU without AVX-512 the plain call passes too).
 */
class ConvolutionsTest extends ContractSupport {

    private static final Shape ONE = new Shape(1, 1);

    /** Fills and frees buffers of many sizes with NaN, so that fresh tensors may reuse that memory. */
    private void poisonTheAllocator() {
        for (long n = 64; n <= 1 << 21; n *= 2) {
            try (NDArray junk = manager.full(new Shape(n), Float.NaN); NDArray touched = junk.add(manager.create(1f))) {
                assertTrue(touched.isNaN().all().getBoolean());
            }
        }
    }

    /** Input gradient of {@code sum(conv(x) * sin(arange))}, the convolution in {@code type}. */
    private NDArray inputGradient(NDArray x, NDArray weight, NDArray bias, DataType type, boolean workAround) {
        // A fresh leaf each time (toType would hand back x itself for its own type).
        NDArray leaf = x.toType(type, false).duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray w = weight.toType(type, true);
            NDArray b = bias.toType(type, true);
            NDArray y = workAround ? Convolutions.conv2d(leaf, w, b, ONE, ONE, ONE)
                    : Conv2d.conv2d(leaf, w, b, ONE, ONE, ONE).singletonOrThrow();
            NDArray g = manager.arange((float) y.size()).reshape(y.getShape()).sin().toType(type, false);
            collector.backward(y.mul(g).sum());
        }
        return leaf.getGradient().toType(DataType.FLOAT32, true);
    }

    @Test
    void theInputGradientDoesNotDependOnWhatTheMemoryHeld() {
        for (int out : List.of(1, 3, 13, 24)) {
            NDArray x = manager.randomNormal(new Shape(2, 64, 32, 48));
            NDArray weight = manager.randomNormal(0f, 0.05f, new Shape(out, 64, 3, 3), DataType.FLOAT32);
            NDArray bias = manager.randomNormal(new Shape(out));
            // float64 convolutions do not take oneDNN's float32 kernels: an independent reference.
            NDArray expected = inputGradient(x, weight, bias, DataType.FLOAT64, false);
            for (int round = 0; round < 3; round++) {
                poisonTheAllocator();
                NDArray actual = inputGradient(x, weight, bias, DataType.FLOAT32, true);
                assertFalse(actual.isNaN().any().getBoolean(), out + " output channels: NaN in the input gradient");
                float error = actual.sub(expected).abs().max().getFloat();
                assertTrue(error < 1e-4f * expected.abs().max().getFloat(), out + " output channels: input gradient off by " + error);
            }
        }
    }

    @Test
    void theBlockComputesWhatDjlsConvolutionComputes() {
        for (boolean withBias : List.of(true, false)) {
            Conv2d ours = Convolutions.block(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(ONE).setFilters(13)
                    .optBias(withBias));
            Shape input = new Shape(2, 8, 16, 24);
            ours.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomNormal(input);
            NDArray w = ours.getParameters().get("weight").getArray();
            NDArray b = withBias ? ours.getParameters().get("bias").getArray() : null;
            NDArray y = ours.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            NDArray plain = Conv2d.conv2d(x, w, b, ONE, ONE, ONE).singletonOrThrow();
            assertEquals(new Shape(2, 13, 16, 24), y.getShape());
            assertTrue(y.sub(plain).abs().max().getFloat() <= 1e-6f * plain.abs().max().getFloat(), "bias " + withBias);
        }
    }
}
