package org.mtan4j.runtime.predict;

/** An input of {@code mtan predict} that cannot be used; the message names the file. */
public final class PredictionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public PredictionException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public PredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
