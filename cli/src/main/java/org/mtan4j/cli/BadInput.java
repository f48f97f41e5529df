package org.mtan4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.predict.PredictionException;
import org.mtan4j.runtime.weights.WeightsException;

/**
 * Bad usage or input of a weight command, reported as exit code 2 with a message naming the file or
 * option at fault.
 */
final class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }

    /**
     * Runs {@code body}; bad input ({@link BadInput}, {@link WeightsException}, {@link PredictionException})
     * becomes one line on {@code err} and exit code 2, anything else goes to {@link Failures}.
     */
    static Integer guard(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (BadInput | WeightsException | PredictionException e) {
            err.println("mtan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
