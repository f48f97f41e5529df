package org.mtan4j.runtime.engine;

/**
 * The engine variables ask for a PyTorch library that is not there, or for one that cannot work with
 * this engine; the message says what was found and what to set. Thrown before the engine starts (or
 * right after, before anything is written), never after a fallback.
 */
public final class EngineSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was asked, what was found, what to set */
    public EngineSetupException(String message) {
        super(message);
    }

    /** As {@link #EngineSetupException(String)}, keeping the cause. */
    public EngineSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
