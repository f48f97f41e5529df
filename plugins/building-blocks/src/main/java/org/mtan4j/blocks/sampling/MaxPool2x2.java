package org.mtan4j.blocks.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.mtan4j.blocks.Intermediates;

/**
 * Exact 2x2, stride-2 max-pooling with indices and the matching max-unpooling, as PyTorch's
 * {@code max_pool2d(x, 2, 2, return_indices=True)} and {@code max_unpool2d(y, indices, 2, 2)}; DJL has
 * neither (models.md, "Building blocks", Pooling).
 *
 * <p>Exact, forward and backward, for every input:
 * <ul>
 *   <li>The winner of a window is its first maximum in row-major order (top-left, top-right,
 *       bottom-left, bottom-right): ties go to the earlier element.</li>
 *   <li>NaN wins: PyTorch's CPU kernel scans the window in row-major order and takes an element when
 *       {@code val > max || isnan(val)}, so the <em>last</em> NaN of a window wins; a window of only
 *       {@code -inf} is won by its first element. The same scan is done here.</li>
 *   <li>The gradient of a pooled value goes to its winner only (as {@code max_pool2d}'s backward; not
 *       spread over ties as {@code amax}'s would be). Unpooling writes each value at its winner and
 *       exact zeros elsewhere (also next to NaN or infinite values); its gradient is the output
 *       gradient read at the winner (as {@code max_unpool2d}'s backward).</li>
 * </ul>
 *
 * <p>How, with NDArray operations only: the input is viewed (no copy) as {@code (N, C, H/2, 2, W/2, 2)}
 * and its four window elements are strided views; the scan above runs element-wise over them on a
 * detached view, giving PyTorch's flat indices; the values are then gathered from the input at those
 * indices, so autograd sends their gradient to the winners. Unpooling scatters the values into zeros
 * at the indices. This avoids the permuted copy and the small-axis {@code argmax} of a reshape-based
 * version and is about twice as fast forward and backward; temporaries are freed before returning.
 */
public final class MaxPool2x2 {

    private MaxPool2x2() {
    }

    /**
     * Pools {@code x} and records the winners.
     *
     * @param x {@code (N, C, H, W)} with {@code H} and {@code W} even
     * @return the maxima {@code (N, C, H/2, W/2)} and the winners' flat indices
     * @throws IllegalArgumentException if {@code x} is not 4-dimensional with even height and width
     */
    public static Pooled pool(NDArray x) {
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(2) % 2 != 0 || shape.get(3) % 2 != 0) {
            throw new IllegalArgumentException("2x2 max-pooling needs (N, C, H, W) with even H and W, got " + shape);
        }
        long n = shape.get(0);
        long c = shape.get(1);
        long height = shape.get(2);
        long width = shape.get(3);
        long h = height / 2;
        long w = width / 2;
        NDArray flat;
        try (NDManager scope = x.getManager().newSubManager()) {
            // Detached: the winner search needs no autograd graph; its temporaries die with the scope.
            NDArray windows = x.stopGradient();
            windows.attach(scope);
            windows = windows.reshape(n, c, h, 2, w, 2);
            // Offsets of the window's elements within the plane, in scan order.
            long[] offsets = {0, 1, width, width + 1};
            // The scan starts with the top-left element (PyTorch starts from -inf at that index, which
            // ends the same); offset is the current winner's offset.
            NDArray max = windows.get(":, :, :, 0, :, 0");
            NDArray offset = null;
            for (int k = 1; k < 4; k++) {
                NDArray candidate = windows.get(":, :, :, " + (k / 2) + ", :, " + (k % 2));
                // PyTorch's kernel: take when val > max || isnan(val).
                NDArray take = candidate.gt(max).logicalOr(candidate.isNaN());
                if (k < 3) {
                    max = NDArrays.where(take, candidate, max);
                }
                if (k == 1) {
                    offset = take.toType(DataType.INT64, false); // 0 or offsets[1] = 1
                } else {
                    offset = NDArrays.where(take.logicalNot(), offset, scope.create(offsets[k]));
                }
            }
            NDArray rows = scope.arange(0L, h, 1L, DataType.INT64).mul(2 * width).reshape(h, 1);
            NDArray columns = scope.arange(0L, w, 1L, DataType.INT64).mul(2).reshape(1, w);
            flat = offset.add(rows.add(columns));
            flat.attach(x.getManager());
        }
        // gather (not max): its backward sends the gradient to the winner alone.
        NDArray planes = x.reshape(n, c, height * width);
        NDArray index = flat.reshape(n, c, h * w);
        NDArray gathered = planes.gather(index, 2);
        NDArray values = gathered.reshape(n, c, h, w);
        Intermediates.release(planes, index, gathered); // views: the storage lives on in x, flat and values
        return new Pooled(values, new PoolIndices(flat, shape));
    }

    /**
     * Writes each value back at its window's winner, zeros elsewhere.
     *
     * @param values {@code (N, C, H/2, W/2)}, e.g. a decoder's features at the pooled resolution
     * @param indices the winners of the pooling that produced that resolution
     * @return {@code (N, C, H, W)}, with {@code (H, W)} from {@code indices.inputShape()}
     * @throws IllegalArgumentException if {@code values} does not have the pooled shape of {@code indices}
     */
    public static NDArray unpool(NDArray values, PoolIndices indices) {
        Shape pooled = indices.pooledShape();
        if (!values.getShape().equals(pooled)) {
            throw new IllegalArgumentException("unpooling needs values of the pooled shape " + pooled + ", got " + values.getShape());
        }
        Shape out = indices.inputShape();
        long n = out.get(0);
        long c = out.get(1);
        NDArray result;
        try (NDManager scope = values.getManager().newSubManager()) {
            NDArray zeros = scope.zeros(new Shape(n, c, out.get(2) * out.get(3)), values.getDataType());
            NDArray index = indices.flat().reshape(n, c, -1);
            NDArray source = values.reshape(n, c, -1);
            // Views, attached to the callers' managers: closed here, their storage lives on.
            index.attach(scope);
            source.attach(scope);
            // scatter is differentiable in its source: the backward gathers the gradient at the indices.
            result = zeros.scatter(index, source, 2).reshape(out);
            result.attach(values.getManager());
        }
        return result;
    }
}
