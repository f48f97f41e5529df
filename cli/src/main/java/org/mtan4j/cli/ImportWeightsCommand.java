package org.mtan4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mtan4j.numpy.RegularFiles;
import org.mtan4j.runtime.weights.ImportReport;
import org.mtan4j.runtime.weights.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan import-weights}. */
@Command(name = "import-weights", mixinStandardHelpOptions = true,
        description = {"Reads a PyTorch state_dict saved as NumPy .npz (keys are the reference's parameter and buffer names)"
                + " into the run's model and writes a checkpoint (DJL .params, as training writes).",
            "Every entry must match a parameter by name and shape: missing, unexpected and mis-shaped entries are all listed"
                + " (exit 2). num_batches_tracked entries are ignored; logsigma goes to the uncertainty weighting when the run uses it.",
            "With --only trunk, only the backbone's pretrained trunk is read (for resnet-mtan: torchvision resnet50 names, e.g. an"
                + " ImageNet state_dict): every trunk entry must be present with its shape, other entries (fc.*, num_batches_tracked)"
                + " are ignored and listed in one note, and the rest of the model keeps its initialisation."})
final class ImportWeightsCommand implements Callable<Integer> {

    /** The one part {@code --only} accepts. */
    static final String TRUNK = "trunk";

    @Spec
    CommandSpec spec;

    @Mixin
    ModelSource model;

    @Option(names = "--from", required = true, paramLabel = "STATE_DICT.npz", description = "The state_dict to read.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "CHECKPOINT", description = "The checkpoint to write (e.g. model.params).")
    Path out;

    @Option(names = "--only", paramLabel = "PART", description = "Load only this part of the model: trunk"
            + " (the backbone's pretrained trunk; the backbone must declare one).")
    String only;

    @Option(names = "--force", description = "Replace an existing checkpoint file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return BadInput.guard(spec.commandLine().getErr(), () -> {
            if (only != null && !TRUNK.equals(only)) {
                throw new BadInput("--only must be '" + TRUNK + "', got '" + only + "'");
            }
            if (RegularFiles.problem(from) != null) {
                throw new BadInput(from + ": " + RegularFiles.problem(from));
            }
            if (Files.exists(out) && !force) {
                throw new BadInput(out + ": already exists; pass --force to replace it");
            }
            try (RunModel runModel = RunModel.build(model.resolve())) {
                ImportReport report = only == null ? runModel.importStateDict(from) : runModel.importTrunk(from);
                runModel.saveCheckpoint(out);
                if (only == null) {
                    stdout.printf("Imported %d entries from %s (%d num_batches_tracked ignored).%n", report.loaded(), from,
                            report.ignoredCounters());
                } else {
                    stdout.printf("Imported %d trunk entries from %s.%n", report.loaded(), from);
                }
                report.notes().forEach(n -> stdout.println("Note: " + n));
                stdout.println("Checkpoint: " + out.toAbsolutePath());
            }
            return ExitCodes.OK;
        });
    }
}
