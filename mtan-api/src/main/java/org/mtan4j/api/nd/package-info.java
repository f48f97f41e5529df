/**
 * Array arithmetic that stays correct under autograd on every engine, for plugin code.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)},
 * {@code maximum(Number)} and {@code minimum(Number)} wrap the number in an array that reads a Java
 * direct buffer, and close that array as soon as the call returns. PyTorch's autograd keeps the number
 * for the backward pass, but not the buffer: a garbage collection between forward and backward frees it,
 * and the gradient is computed from whatever the memory then holds. {@link org.mtan4j.api.nd.Scalars}
 * does the same arithmetic with a number the engine owns. The contract tests check every plugin's
 * gradients with a collection forced between its forward and backward passes.
 */
package org.mtan4j.api.nd;
