package org.mtan4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.weights.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan export-weights}. */
@Command(name = "export-weights", mixinStandardHelpOptions = true,
        description = {"Writes a checkpoint's weights as a PyTorch state_dict in NumPy .npz (float32, the reference's names"
                + " and order, uncompressed as np.savez), for the paper's code.",
            "num_batches_tracked is not written (PyTorch fills it in on load); logsigma only when the run uses uncertainty weighting."})
final class ExportWeightsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CHECKPOINT",
            description = "The checkpoint (.params); with --run, default its best.params, else last.params.")
    Path checkpoint;

    @Mixin
    ModelSource model;

    @Option(names = "--out", required = true, paramLabel = "STATE_DICT.npz", description = "The .npz to write.")
    Path out;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return BadInput.guard(spec.commandLine().getErr(), () -> {
            if (Files.exists(out) && !force) {
                throw new BadInput(out + ": already exists; pass --force to replace it");
            }
            var run = model.resolve();
            Path weights = checkpoint != null ? checkpoint : model.defaultCheckpoint("CHECKPOINT");
            try (RunModel runModel = RunModel.build(run)) {
                runModel.loadCheckpoint(weights);
                int entries = runModel.stateDictNames().entries().size();
                runModel.exportStateDict(out);
                stdout.printf("Exported %d entries from %s to %s.%n", entries, weights, out.toAbsolutePath());
            }
            return ExitCodes.OK;
        });
    }
}
