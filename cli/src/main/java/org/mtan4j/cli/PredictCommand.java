package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.datasets.decathlon.DecathlonOptions;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.predict.PredictionException;
import org.mtan4j.runtime.predict.Predictor;
import org.mtan4j.runtime.predict.SplitClassifier;
import org.mtan4j.runtime.weights.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Runs a trained model on images and writes, per input and task, a .npy prediction and a PNG picture.",
            "Inputs: .npy (H, W, 3) floats in [0, 1], or PNG/JPEG; each task's input is the image as its dataset prepares its"
                + " validation images (by default resized bilinearly to the model's input size; decathlon: short side resized,"
                + " centre crop, the domain's mean and std).",
            "Outputs <stem>.<task>.npy / .png (segmentation: class index map (H, W) plus <stem>.<task>.logprobs.npy (H, W, C),"
                + " palette picture; depth: (H, W, 1), viridis-like picture scaled to its min..max; normal: (H, W, 3) unit vectors,"
                + " RGB = (n + 1) / 2). Nothing is written unless every input succeeds.",
            "With --decathlon-results instead of --input/--out: classifies the test split of every decathlon dataset of the run"
                + " (the images of the devkit's <domain>_test_stripped.json) and writes the Visual Decathlon challenge's results"
                + " file, a JSON list of {\"image_id\", \"category_id\"} with the devkit's ids."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelSource model;

    @Option(names = "--weights", paramLabel = "W", description = "A checkpoint (.params) or a PyTorch state_dict (.npz);"
            + " with --run, default its best.params, else last.params.")
    Path weights;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH", description = "Input files (repeatable); with --out.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created if absent); with --input.")
    Path out;

    @Option(names = "--decathlon-results", paramLabel = "RESULTS.json", description = "Write the Visual Decathlon results"
            + " file for the run's decathlon datasets (each needs its devkit annotations: dataset option annotations).")
    Path decathlonResults;

    @Option(names = "--merge", description = "With --decathlon-results: keep the entries of an existing file for images"
            + " this run does not predict (other domains, from other runs); without it the file is replaced.")
    boolean merge;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return BadInput.guard(spec.commandLine().getErr(), () -> {
            boolean files = inputs != null || out != null;
            if (files == (decathlonResults != null) || files && (inputs == null || out == null)) {
                throw new BadInput("give --input PATH... with --out DIR, or --decathlon-results RESULTS.json");
            }
            if (merge && decathlonResults == null) {
                throw new BadInput("--merge only applies to --decathlon-results");
            }
            ResolvedRun run = model.resolve();
            Path w = weights != null ? weights : model.defaultCheckpoint("--weights");
            try (RunModel runModel = RunModel.build(run)) {
                if (w.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
                    runModel.importStateDict(w);
                } else {
                    runModel.loadCheckpoint(w);
                }
                if (decathlonResults != null) {
                    writeDecathlonResults(run, runModel, stdout);
                } else {
                    List<Path> written = Predictor.predict(runModel, inputs, out);
                    written.forEach(stdout::println);
                    stdout.printf("Wrote %d files for %d input(s) to %s.%n", written.size(), inputs.size(), out.toAbsolutePath());
                }
            }
            return ExitCodes.OK;
        });
    }

    /** Classifies each decathlon dataset's test split with its tasks and writes one results file. */
    private void writeDecathlonResults(ResolvedRun run, RunModel runModel, PrintWriter stdout) throws IOException {
        List<DecathlonOptions> domains = DecathlonSubmission.domains(run, "--decathlon-results");
        DecathlonSubmission submission = new DecathlonSubmission();
        for (int d = 0; d < domains.size(); d++) {
            try (MultiTaskDataset dataset = DecathlonSubmission.open(run, d, domains.get(d))) {
                for (int task : run.tasksOf(d)) {
                    submission.add(domains.get(d), SplitClassifier.classify(runModel, dataset, DecathlonSubmission.TEST, task,
                            run.config().training().evalBatchSize()));
                }
            } catch (IOException e) {
                // An image of the test split that cannot be read is the user's to fix: exit 2.
                throw new PredictionException(e.getMessage(), e);
            }
        }
        submission.write(decathlonResults, merge, stdout);
    }
}
