package org.mtan4j.runtime.training;

import java.nio.file.Path;

/** Training stopped on request ({@link StopRequest}) after writing a checkpoint to resume from. */
public final class TrainingStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path checkpoint;

    /** Stopped at {@code epoch}, before its step {@code step}, with {@code checkpoint} written. */
    public TrainingStopped(Path checkpoint, int epoch, int step) {
        super("training stopped on request " + TrainingState.position(epoch, step) + "; checkpoint " + checkpoint);
        this.checkpoint = checkpoint;
    }

    /** Stopped without a checkpoint to resume from, as {@code message} explains. */
    public TrainingStopped(String message) {
        super(message);
        this.checkpoint = null;
    }

    /** The checkpoint written; null when none was. */
    public Path checkpoint() {
        return checkpoint;
    }
}
