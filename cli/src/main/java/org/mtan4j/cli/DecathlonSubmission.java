package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.datasets.decathlon.DecathlonOptions;
import org.mtan4j.datasets.decathlon.DecathlonResults;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.predict.PredictionException;

/**
 * The Visual Decathlon results file of a run's decathlon datasets, as {@code mtan predict
 * --decathlon-results} and {@code mtan decathlon-eval} write it: each domain's test split classified,
 * mapped to the devkit's image and category ids ({@link DecathlonResults}).
 */
final class DecathlonSubmission {

    /** The decathlon dataset's unlabelled split. */
    static final String TEST = "test";

    private final List<DecathlonResults.Result> results = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /**
     * Each dataset's options, in the run's order.
     *
     * @param option the command line option or command named in the message
     * @throws BadInput when a dataset is not a decathlon domain
     */
    static List<DecathlonOptions> domains(ResolvedRun run, String option) {
        List<DecathlonOptions> domains = new ArrayList<>();
        for (int d = 0; d < run.datasets().size(); d++) {
            if (!(run.datasets().get(d).options() instanceof DecathlonOptions options)) {
                throw new BadInput(option + " needs decathlon datasets; dataset " + (d + 1) + " is '"
                        + run.config().datasets().get(d).name() + "'");
            }
            domains.add(options);
        }
        return domains;
    }

    /**
     * Opens dataset {@code d} of {@code run}, a decathlon domain.
     *
     * @throws BadInput when it has no test split (no devkit annotations for it)
     * @throws PredictionException when its files cannot be read
     */
    static MultiTaskDataset open(ResolvedRun run, int d, DecathlonOptions options) {
        MultiTaskDataset dataset;
        try {
            dataset = run.datasets().get(d).provider().open(options);
        } catch (IOException e) {
            // Missing or malformed data and annotation files are the user's to fix: exit 2.
            throw new PredictionException(e.getMessage(), e);
        }
        if (!dataset.splits().contains(TEST)) {
            dataset.close();
            throw new BadInput("domain '" + options.domain() + "' has no test split: missing "
                    + options.annotationsDir().resolve(options.domain() + "_test_stripped.json")
                    + " (set the dataset option annotations to the devkit's decathlon-1.0/annotations)");
        }
        return dataset;
    }

    /**
     * Adds one domain's predicted classes, in its test split's order.
     *
     * @throws PredictionException when the devkit's annotations do not fit them
     */
    void add(DecathlonOptions options, int[] classes) {
        try {
            results.addAll(DecathlonResults.domain(options.annotationsDir(), options.domain(), classes));
        } catch (IOException e) {
            throw new PredictionException(e.getMessage(), e);
        }
        counts.put(options.domain(), classes.length);
    }

    /**
     * Writes the file and says what it holds.
     *
     * @param merge keep an existing file's entries for images not predicted here
     */
    void write(Path file, boolean merge, PrintWriter stdout) {
        try {
            DecathlonResults.write(file, results, merge);
        } catch (IOException e) {
            throw new PredictionException(file + ": cannot write the results (" + e.getMessage() + ")", e);
        }
        counts.forEach((domain, n) -> stdout.printf("%s: %d test images%n", domain, n));
        stdout.printf("Wrote %d results to %s%s.%n", results.size(), file.toAbsolutePath(), merge ? " (merged)" : "");
    }
}
