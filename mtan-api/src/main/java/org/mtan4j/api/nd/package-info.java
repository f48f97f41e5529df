/**
 * Arrays and array arithmetic that stay correct under autograd, for plugin code.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)},
 * {@code maximum(Number)} and {@code minimum(Number)} wrap the number in an array that reads a Java
 * direct buffer, and close that array as soon as the call returns. PyTorch's autograd keeps the number
 * for the backward pass, but not the buffer: a garbage collection between forward and backward frees it,
 * and the gradient is computed from whatever the memory then holds. {@link org.mtan4j.api.nd.Scalars}
 * does the same arithmetic with a number the engine owns, and {@link org.mtan4j.api.nd.EngineArrays}
 * copies any array made from Java data (a resize matrix, say) into the engine's memory. The contract
 * tests check every plugin's
 * gradients with a collection forced between its forward and backward passes.
 *
 * <p>{@link org.mtan4j.api.nd.Convolutions} works around an engine fault of the same kind: on AVX-512
 * CPUs a 3x3 convolution whose output channels are not a multiple of 16 gets an input gradient computed
 * partly from stale memory.
 */
package org.mtan4j.api.nd;
