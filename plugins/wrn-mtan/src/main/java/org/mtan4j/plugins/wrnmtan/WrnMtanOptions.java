package org.mtan4j.plugins.wrnmtan;

/**
 * Options of the {@code wrn-mtan} backbone (YAML keys {@code depth}, {@code widen}).
 *
 * @param depth the wide ResNet's depth, {@code 6 n + 4} with {@code n} blocks per group; the paper's 28
 * @param widen the widening factor {@code k}: group widths {@code 16k, 32k, 64k}; the paper's 4
 */
public record WrnMtanOptions(int depth, int widen) {

    /** WRN-28-4, as the paper. */
    public static final WrnMtanOptions DEFAULT = new WrnMtanOptions(28, 4);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public WrnMtanOptions {
        if (depth < 10 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("option 'depth' must be 6n + 4 with n >= 1 (10, 16, 22, 28, ...), got " + depth);
        }
        if (widen < 1) {
            throw new IllegalArgumentException("option 'widen' must be positive, got " + widen);
        }
    }

    /** Blocks per group, {@code (depth - 4) / 6}. */
    public int blocksPerGroup() {
        return (depth - 4) / 6;
    }

    /** The four widths {@code [16, 16k, 32k, 64k]}: the first convolution's, then each group's. */
    public int[] filters() {
        return new int[] {16, 16 * widen, 32 * widen, 64 * widen};
    }
}
