package org.mtan4j.runtime.weights;

import java.util.List;

/**
 * What a successful state_dict import did.
 *
 * @param file the {@code .npz} read
 * @param loaded how many entries were copied into the model
 * @param ignoredCounters how many {@code num_batches_tracked} entries were ignored
 * @param notes anything the user should know (a skipped {@code logsigma}, parameters left at their
 *     initial values), one sentence each
 */
public record ImportReport(String file, int loaded, int ignoredCounters, List<String> notes) {

    /** Copies the notes. */
    public ImportReport {
        notes = List.copyOf(notes);
    }
}
