package org.mtan4j.runtime.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mtan4j.api.Direction;
import org.mtan4j.api.MetricValue;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.report.ComparisonReport;
import org.mtan4j.runtime.report.Plots;
import org.mtan4j.runtime.report.RunRecord;
import org.mtan4j.runtime.training.EpochEnd;
import org.mtan4j.runtime.training.MultiTaskNetwork;
import org.mtan4j.runtime.training.Restart;
import org.mtan4j.runtime.training.RunEnd;
import org.mtan4j.runtime.training.RunStart;
import org.mtan4j.runtime.training.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run directory as the run goes: {@code config.yaml} and {@code provenance.json} at the
 * start, a block of {@code metrics.csv} rows and the checkpoints after every epoch (and the model at each
 * restart of a many-to-many run, {@link RunDirectory#restartCheckpoint}), {@code report.md}
 * and the charts in {@code plots/} at the end. Each file is complete whenever the run stops: rows are appended and flushed per epoch,
 * everything else is replaced atomically.
 */
public final class RunRecorder implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    /**
     * The header of {@code metrics.csv}. Epochs are counted from 1 (files of earlier versions count from 0,
     * see {@link org.mtan4j.runtime.report.RunRecord}; {@code provenance.json} says {@code "epochs-from": 1}). The last column says the metric's direction ({@code true},
     * {@code false}) so that reports can rank runs and compute Delta_MTL from the file alone; it is
     * empty for values without one (task weight, learning rate).
     */
    public static final String HEADER = "epoch,split,task,metric,value,higher-is-better";

    private final RunDirectory directory;
    private final Map<String, Object> provenance = new LinkedHashMap<>();
    private RunStart start;
    private double bestValLoss = Double.POSITIVE_INFINITY;

    /** Records into {@code directory}. */
    public RunRecorder(RunDirectory directory) {
        this.directory = directory;
    }

    /** The directory written to. */
    public RunDirectory directory() {
        return directory;
    }

    @Override
    public void onRunStart(RunStart start) {
        this.start = start;
        try {
            if (!start.resumed()) {
                directory.prepare();
            }
            AtomicFiles.writeString(directory.config(), Yaml.mapper().writeValueAsString(start.run().config()));
            if (start.resumed()) {
                resumeRecords(start);
                return;
            }
            Engine engine = Engine.getInstance();
            provenance.put("mtan4j-version", version());
            provenance.put("djl-version", Engine.getDjlVersion());
            provenance.put("engine", engine.getEngineName() + " " + engine.getVersion());
            provenance.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
            provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            provenance.put("seed", start.run().config().seed());
            provenance.put("device", start.run().config().device());
            // Changes no value, only speed and memory: recorded for whoever compares run times.
            provenance.put("native-allocator", Engines.nativeAllocator());
            provenance.put("parameters", start.parameterCount());
            provenance.put("git-commit", gitCommit());
            provenance.put("started", Instant.now().toString());
            provenance.put("status", "running");
            provenance.put("epochs-from", 1);
            writeProvenance();
            Files.writeString(directory.metrics(), HEADER + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run directory " + directory.root() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A resumed run: {@code metrics.csv} goes back to the checkpoint's finished epochs (rows written after
     * it are dropped: they will be written again), and the provenance records the resumption.
     */
    @SuppressWarnings("unchecked")
    private void resumeRecords(RunStart start) throws IOException {
        if (Files.isRegularFile(directory.provenance())) {
            provenance.putAll(Yaml.json().readValue(directory.provenance().toFile(), Map.class));
        }
        List<Object> resumes = new ArrayList<>((List<Object>) provenance.getOrDefault("resumes", List.of()));
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("at", Instant.now().toString());
        resume.put("checkpoint", start.resumedFrom().getFileName().toString());
        resume.put("finished-epochs", start.previousEpochs().size());
        resume.put("mtan4j-version", version());
        resumes.add(resume);
        provenance.put("resumes", resumes);
        provenance.put("status", "running");
        provenance.remove("finished");
        writeProvenance();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochEnd epoch : start.previousEpochs()) {
            rows(epoch).forEach(row -> csv.append(row).append('\n'));
            bestValLoss = Math.min(bestValLoss, epoch.totalValLoss());
        }
        AtomicFiles.writeString(directory.metrics(), csv.toString());
    }

    @Override
    public void onEpochEnd(EpochEnd epoch) {
        int e = epoch.epoch();
        try {
            Files.write(directory.metrics(), rows(epoch), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            int every = start.run().config().training().checkpointEvery();
            boolean lastEpoch = e == start.epochs() - 1;
            if ((e + 1) % every == 0 || lastEpoch) {
                save(epoch.network(), "last");
            }
            if (epoch.totalValLoss() < bestValLoss) {
                bestValLoss = epoch.totalValLoss();
                save(epoch.network(), "best");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write to " + directory.root() + ": " + ex.getMessage(), ex);
        }
    }

    /** Keeps the weights of a restart's start, which later epochs' checkpoints overwrite. */
    @Override
    public void onRestart(Restart restart) {
        try {
            ParamsFiles.write(directory.restartCheckpoint(restart.epoch()), restart.network());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory.root() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code metrics.csv} rows of one epoch. */
    private static List<String> rows(EpochEnd epoch) {
        List<String> rows = new ArrayList<>();
        // Counted from 1, as the console, report.md and the plots count.
        int e = epoch.epoch() + 1;
        for (int t = 0; t < epoch.tasks().size(); t++) {
            String task = epoch.tasks().get(t).name();
            rows.add(row(e, "train", task, "loss", epoch.trainLosses()[t], Direction.LOWER_IS_BETTER));
            rows.add(row(e, "train", task, "weight", epoch.taskWeights()[t], null));
        }
        rows.add(row(e, "train", "", "learning-rate", epoch.learningRate(), null));
        for (int t = 0; t < epoch.tasks().size(); t++) {
            String task = epoch.tasks().get(t).name();
            rows.add(row(e, "val", task, "loss", epoch.valLosses()[t], Direction.LOWER_IS_BETTER));
            for (MetricValue value : epoch.valMetrics().get(t)) {
                rows.add(row(e, "val", task, value.name(), value.value(), value.direction()));
            }
        }
        return rows;
    }

    private void save(MultiTaskNetwork network, String name) throws IOException {
        ParamsFiles.write(directory.checkpoints().resolve(name + ".params"), network);
    }

    @Override
    public void onRunEnd(RunEnd end) {
        try {
            AtomicFiles.writeString(directory.report(), Report.markdown(start.run().config().name(), start.run().config().backbone().name(),
                    start.run().config().weighting().name(), start.parameterCount(), end, formulaNotes(start.run().config())));
            provenance.put("finished", Instant.now().toString());
            provenance.put("status", "finished");
            writeProvenance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + directory.root() + ": " + e.getMessage(), e);
        }
        writePlots();
        LOG.info("run directory: {}", directory.root());
    }

    /**
     * Marks the run {@value RunDirectory#FAILED} in {@code provenance.json}, with the reason, when it stopped
     * on an error after it started; a run that failed before writing anything stays without a folder. A
     * provenance that cannot be written (the disk that failed the run) is logged, never hides the error.
     */
    public void onRunFailed(Throwable error) {
        if (start == null || provenance.isEmpty()) {
            return;
        }
        provenance.put("status", RunDirectory.FAILED);
        provenance.put("failed", Instant.now().toString());
        provenance.put("failure", error.getMessage() == null ? error.toString() : error.getMessage());
        try {
            writeProvenance();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot mark {} failed: {}", directory.provenance(), e.toString());
        }
    }

    /** The metric formula lines of the report, from the resolved metric options. */
    private static List<String> formulaNotes(RunConfig config) {
        List<String> notes = new ArrayList<>();
        config.tasks().forEach((task, taskConfig) -> {
            if (taskConfig != null && taskConfig.metrics() != null) {
                taskConfig.metrics().forEach(metric -> {
                    String note = ComparisonReport.formulaNote(task, metric);
                    if (note != null) {
                        notes.add(note);
                    }
                });
            }
        });
        return notes;
    }

    /** The run's charts in {@code plots/}; a chart that cannot be drawn is logged, never fails the finished run. */
    private void writePlots() {
        try {
            Plots.run(RunRecord.read(directory.root()));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("cannot draw the plots of {}: {}", directory.root(), e.toString());
        }
    }

    private void writeProvenance() throws IOException {
        AtomicFiles.writeString(directory.provenance(), Yaml.json().writeValueAsString(provenance) + "\n");
    }

    private static String row(int epoch, String split, String task, String metric, double value, Direction direction) {
        return epoch + "," + split + "," + task + "," + metric + "," + value + ","
                + (direction == null ? "" : String.valueOf(direction == Direction.HIGHER_IS_BETTER));
    }

    private static String version() {
        String v = RunRecorder.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The commit of the working folder's git checkout, or null; never fails the run. */
    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
