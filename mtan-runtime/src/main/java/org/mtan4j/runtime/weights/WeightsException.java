package org.mtan4j.runtime.weights;

/**
 * A weights file (state_dict {@code .npz} or checkpoint) that does not fit the model, or cannot be read:
 * the user's input is at fault, not the program. The message names the file and every problem found.
 */
public final class WeightsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public WeightsException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
