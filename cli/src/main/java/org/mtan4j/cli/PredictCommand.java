package org.mtan4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.predict.Predictor;
import org.mtan4j.runtime.weights.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Runs a trained model on images and writes, per input and task, a .npy prediction and a PNG picture.",
            "Inputs: .npy (H, W, 3) floats in [0, 1], or PNG/JPEG; resized bilinearly to the model's input size when they differ.",
            "Outputs <stem>.<task>.npy / .png (segmentation: class index map (H, W) plus <stem>.<task>.logprobs.npy (H, W, C),"
                + " palette picture; depth: (H, W, 1), viridis-like picture scaled to its min..max; normal: (H, W, 3) unit vectors,"
                + " RGB = (n + 1) / 2). Nothing is written unless every input succeeds."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelSource model;

    @Option(names = "--weights", paramLabel = "W", description = "A checkpoint (.params) or a PyTorch state_dict (.npz);"
            + " with --run, default its best.params, else last.params.")
    Path weights;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Input files (repeatable).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if absent).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return BadInput.guard(spec.commandLine().getErr(), () -> {
            var run = model.resolve();
            Path w = weights != null ? weights : model.defaultCheckpoint("--weights");
            try (RunModel runModel = RunModel.build(run)) {
                if (w.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
                    runModel.importStateDict(w);
                } else {
                    runModel.loadCheckpoint(w);
                }
                List<Path> written = Predictor.predict(runModel, inputs, out);
                written.forEach(stdout::println);
                stdout.printf("Wrote %d files for %d input(s) to %s.%n", written.size(), inputs.size(), out.toAbsolutePath());
            }
            return ExitCodes.OK;
        });
    }
}
