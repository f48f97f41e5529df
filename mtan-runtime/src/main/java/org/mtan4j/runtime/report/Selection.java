package org.mtan4j.runtime.report;

/**
 * Which epochs of a run a report takes its numbers from. Only validation rows are ever read to choose;
 * no other split picks an epoch.
 */
public enum Selection {

    /**
     * The paper's protocol: each validation metric averaged over the last {@value RunSummary#LAST_EPOCHS}
     * epochs (all of them when the run has fewer).
     */
    LAST_10("average of the last 10 epochs"),

    /**
     * The single epoch with the lowest sum of the tasks' validation losses (the earliest on a tie;
     * epochs whose sum is NaN are never chosen). This is the rule that also writes
     * {@code checkpoints/best.params}, so the reported row belongs to the saved checkpoint. It uses
     * losses rather than metrics because every task has exactly one, with no scale or direction to
     * reconcile.
     */
    BEST_VALIDATION("best validation epoch (lowest total validation loss)");

    private final String label;

    Selection(String label) {
        this.label = label;
    }

    /** The label reports print. */
    public String label() {
        return label;
    }
}
