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
 */
package org.mtan4j.api.nd;
