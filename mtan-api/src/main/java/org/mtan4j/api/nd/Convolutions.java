package org.mtan4j.api.nd;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2-D convolutions whose input gradient stays right on PyTorch's CPU engine (see the package note).
 *
 * <p>On CPUs with AVX-512, PyTorch 2.7.1's oneDNN computes a 3x3 convolution's input gradient in blocks of
 * 16 output channels. When the output channels are not a multiple of 16, the last block is padded, and that
 * padding is read from memory the allocator hands back uninitialised: the input gradient then mixes in stale
 * values (NaN when the memory last held NaN), silently and only now and then. 1x1 convolutions and the
 * forward pass are not affected. Here such a convolution on the CPU runs with its output channels padded to a
 * whole block of zero filters, and the padded outputs are cut off again: the same function, with gradients
 * that do not depend on what the memory held. (Whether a backward pass follows is not known here, and the
 * paper's models have no such convolution, so the few extra filters are computed always.)
 */
public final class Convolutions {

    /** oneDNN's output-channel block on AVX-512. */
    static final int CHANNEL_BLOCK = 16;

    private Convolutions() {
    }

    /**
     * {@link Conv2d#conv2d} (one group) with the work-around above.
     *
     * @param input {@code (N, C, H, W)}
     * @param weight {@code (out, C, kh, kw)}
     * @param bias {@code (out)}, or null for none
     * @return {@code (N, out, H', W')}
     */
    public static NDArray conv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding,
            Shape dilation) {
        long out = weight.getShape().get(0);
        long padded = (out + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
        boolean affected = padded != out && input.getDevice().getDeviceType().equals(Device.Type.CPU)
                && weight.getShape().get(2) * weight.getShape().get(3) > 1;
        if (!affected) {
            return Conv2d.conv2d(input, weight, bias, stride, padding, dilation).singletonOrThrow();
        }
        Shape extra = new Shape(padded - out).addAll(weight.getShape().slice(1));
        try (NDArray zeroFilters = weight.getManager().zeros(extra, weight.getDataType(), weight.getDevice());
                NDArray wholeWeight = weight.concat(zeroFilters, 0);
                NDArray zeroBias = bias == null ? null : bias.getManager().zeros(new Shape(padded - out), bias.getDataType(),
                        bias.getDevice());
                NDArray wholeBias = bias == null ? null : bias.concat(zeroBias, 0);
                NDArray whole = Conv2d.conv2d(input, wholeWeight, wholeBias, stride, padding, dilation).singletonOrThrow()) {
            // A view: the padded result's storage lives on in it.
            return whole.get(":, :{}", out);
        }
    }

    /**
     * A {@link Conv2d} block that convolves through {@link #conv2d}; its parameters, names and
     * initialisation are those of {@code builder.build()}.
     */
    public static Conv2d block(Conv2d.Builder builder) {
        return new WholeBlockConv2d(builder);
    }

    /** DJL's convolution block with its forward pass routed through {@link #conv2d}. */
    private static final class WholeBlockConv2d extends Conv2d {

        WholeBlockConv2d(Conv2d.Builder builder) {
            super(builder);
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            if (groups != 1) {
                return super.forwardInternal(parameterStore, inputs, training, params);
            }
            NDArray input = inputs.singletonOrThrow();
            Device device = input.getDevice();
            NDArray w = parameterStore.getValue(weight, device, training);
            NDArray b = includeBias ? parameterStore.getValue(bias, device, training) : null;
            return new NDList(Convolutions.conv2d(input, w, b, stride, padding, dilation));
        }
    }
}
