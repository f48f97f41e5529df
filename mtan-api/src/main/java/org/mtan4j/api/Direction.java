package org.mtan4j.api;

/** Whether a larger or a smaller metric value is better; model selection and Delta_MTL need it. */
public enum Direction {
    /** Larger is better (mIoU, accuracy). */
    HIGHER_IS_BETTER,
    /** Smaller is better (errors, angles). */
    LOWER_IS_BETTER
}
