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

/** A progress bar per epoch (step, loss, ETA) and a one-line summary of each evaluation. */
final class ProgressListener implements TrainingListener {

    private final PrintWriter err;
    private RunStart start;
    private ProgressBar bar;

    ProgressListener(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onRunStart(RunStart start) {
        this.start = start;
        err.printf(Locale.ROOT, "Training %s: %s + %s, %,d parameters, %d epochs x %d steps%n", start.run().config().name(),
                start.run().config().backbone().name(), start.run().config().weighting().name(), start.parameterCount(),
                start.epochs(), start.stepsPerEpoch());
    }

    @Override
    public void onStep(StepEnd step) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", step.epoch() + 1, start.epochs()))
                    .setInitialMax(step.stepsPerEpoch()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setMaxRenderedLength(100).build();
        }
        bar.stepTo(step.stepInEpoch() + 1L);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", step.totalLoss()));
    }

    @Override
    public void onEpochEnd(EpochEnd epoch) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
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
