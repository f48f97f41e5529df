package org.mtan4j.plugins.wrnmtan;

/**
 * Options of the {@code linear} head (YAML key {@code pool}).
 *
 * @param pool the average pooling before the classifier: kernel and stride {@code pool}, as the
 *     reference's {@code F.avg_pool2d(x, 8)} (8, which on WRN-MTAN's 9x9 map at 72x72 averages the
 *     top-left 8x8 and must leave a 1x1 map); 0 averages the whole map instead
 */
public record LinearOptions(int pool) {

    /** The reference's pooling. */
    public static final LinearOptions DEFAULT = new LinearOptions(8);

    /**
     * Checks the option.
     *
     * @throws IllegalArgumentException if {@code pool} is negative
     */
    public LinearOptions {
        if (pool < 0) {
            throw new IllegalArgumentException("option 'pool' must be 0 (global) or a positive kernel size, got " + pool);
        }
    }
}
