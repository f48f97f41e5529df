package org.mtan4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mtan4j.api.MetricValue;
import org.mtan4j.runtime.training.EpochEnd;
import org.mtan4j.runtime.training.RunEnd;
import org.mtan4j.runtime.training.RunStart;
import org.mtan4j.runtime.training.StepEnd;
import org.mtan4j.runtime.training.TrainingListener;

/**
 * Training progress on stderr: a live bar per epoch on a terminal, or, where a batch log records every
 * byte (Slurm, nohup, CI), one plain line per {@value #LINE_EVERY_PERCENT}% of an epoch; then a one-line
 * summary of each evaluation. {@link Style#NONE} (--quiet) prints nothing.
 */
final class ProgressListener implements TrainingListener {

    /** How progress is shown. */
    enum Style {
        /** A redrawn bar ({@code \r} updates): only a terminal shows it as intended. */
        BAR,
        /** Plain lines, a few per epoch: for logs. */
        LINES,
        /** Nothing. */
        NONE;

        /**
         * A bar when this JVM has a terminal (Java's console: standard input and output are a terminal),
         * else lines; nothing when quiet.
         */
        static Style detect(boolean quiet) {
            return quiet ? NONE : System.console() != null ? BAR : LINES;
        }
    }

    /** A line per this many percent of an epoch's steps, in {@link Style#LINES}. */
    static final int LINE_EVERY_PERCENT = 25;

    private final PrintWriter err;
    private final Style style;
    private RunStart start;
    private ProgressBar bar;
    private int epoch = -1;
    private int linesShown;
    private long epochStartNanos;
    private long epochFirstStep;

    ProgressListener(PrintWriter err, Style style) {
        this.err = err;
        this.style = style;
    }

    @Override
    public void onRunStart(RunStart start) {
        this.start = start;
        epochStartNanos = System.nanoTime();
        if (style == Style.NONE) {
            return;
        }
        err.printf(Locale.ROOT, "Training %s: %s + %s, %,d parameters, %d epochs x %d steps%n", start.run().config().name(),
                start.run().config().backbone().name(), start.run().config().weighting().name(), start.parameterCount(),
                start.epochs(), start.stepsPerEpoch());
    }

    @Override
    public void onStep(StepEnd step) {
        if (step.epoch() != epoch) {
            epoch = step.epoch();
            linesShown = 0;
            epochFirstStep = step.stepInEpoch();
        }
        long done = step.stepInEpoch() + 1L;
        switch (style) {
            case BAR -> {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", step.epoch() + 1, start.epochs()))
                            .setInitialMax(step.stepsPerEpoch()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                            .setMaxRenderedLength(100).build();
                }
                bar.stepTo(done);
                bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", step.totalLoss()));
            }
            case LINES -> line(step, done);
            case NONE -> { }
            default -> throw new IllegalStateException(style.toString());
        }
    }

    /** A line when {@code done} steps pass the next multiple of {@value #LINE_EVERY_PERCENT}%; the last step is the summary's. */
    private void line(StepEnd step, long done) {
        int lines = (int) (done * (100 / LINE_EVERY_PERCENT) / step.stepsPerEpoch());
        if (lines <= linesShown || done >= step.stepsPerEpoch()) {
            return;
        }
        linesShown = lines;
        // The steps this process took in this epoch (a resumed one starts part-way) and their time give the estimate.
        double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
        double remaining = seconds / (done - epochFirstStep) * (step.stepsPerEpoch() - done);
        err.printf(Locale.ROOT, "epoch %d/%d: %3d%% (%d/%d steps) loss %.4f, %s elapsed, about %s to the epoch's end%n", step.epoch() + 1,
                start.epochs(), done * 100 / step.stepsPerEpoch(), done, step.stepsPerEpoch(), step.totalLoss(), duration(seconds),
                duration(remaining));
    }

    private static String duration(double time) {
        long seconds = Math.round(time);
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    @Override
    public void onEpochEnd(EpochEnd epoch) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (style == Style.NONE) {
            return;
        }
        printSummary(epoch);
        epochStartNanos = System.nanoTime();
    }

    private void printSummary(EpochEnd epoch) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d val:", epoch.epoch() + 1, start.epochs()));
        for (int t = 0; t < epoch.tasks().size(); t++) {
            List<MetricValue> values = epoch.valMetrics().get(t);
            line.append(' ').append(epoch.tasks().get(t).name()).append('[');
            for (int i = 0; i < Math.min(2, values.size()); i++) {
                line.append(i == 0 ? "" : " ").append(values.get(i).name()).append(String.format(Locale.ROOT, " %.4f", values.get(i).value()));
            }
            line.append(']');
        }
        err.println(line);
    }

    @Override
    public void onRunEnd(RunEnd end) {
        if (bar != null) {
            bar.close();
        }
    }
}
