package org.mtan4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.engine.EngineReport;
import org.mtan4j.runtime.engine.EngineSetup;
import org.mtan4j.runtime.engine.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtan doctor}: starts the engine as a run would and shows what it uses ({@link EngineReport});
 * {@code --torch-env} instead prints the engine variables for the local Python's PyTorch ({@link TorchEnv}).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Starts the engine as a run would and shows what it uses: engine and PyTorch versions and flavour, where the "
                + "native and JNI libraries came from, offline mode, every device with its memory, intra-op threads and the native "
                + "allocator. A bad engine variable (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR) exits 2 saying what to set.",
            "With --torch-env it starts no engine and prints the shell lines that point the engine at the local Python's PyTorch: "
                + "eval \"$(mtan doctor --torch-env)\"."})
final class DoctorCommand implements Callable<Integer> {

    private static final String INDENT = "                  ";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--download-engine", description = "Let DJL download its build of PyTorch named by PYTORCH_FLAVOR (and PYTORCH_VERSION) "
            + "into its cache, for this start only (internet needed); later starts find it there offline. Same as MTAN_DOWNLOAD_ENGINE=true.")
    boolean downloadEngine;

    @Option(names = "--torch-env", description = "Print export lines for PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR and "
            + "LD_LIBRARY_PATH that point the engine at the PyTorch of --python; starts no engine.")
    boolean torchEnv;

    @Option(names = "--python", paramLabel = "PYTHON", defaultValue = "python3",
            description = "The Python interpreter whose torch --torch-env reads (default ${DEFAULT-VALUE}).")
    String python;

    @Override
    public Integer call() throws Exception {
        return BadInput.guard(spec.commandLine().getErr(), this::doctor);
    }

    private Integer doctor() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (torchEnv) {
            if (json || downloadEngine) {
                throw new BadInput("--torch-env prints shell lines and starts no engine: give it without --json and --download-engine");
            }
            Installation inst = Installation.current();
            TorchEnv.lines(TorchEnv.find(python, inst.engineVersion()), python, inst).forEach(out::println);
            return ExitCodes.OK;
        }
        if (downloadEngine) {
            System.setProperty(EngineSetup.DOWNLOAD_PROPERTY, "true");
        }
        EngineReport report;
        try {
            // As a run with training.threads 0 starts it (all cores, unless ai.djl.pytorch.num_threads says otherwise).
            Engines.startOffline(0);
            report = Engines.report();
        } finally {
            if (downloadEngine) {
                System.clearProperty(EngineSetup.DOWNLOAD_PROPERTY);
            }
        }
        if (json) {
            out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(report));
        } else {
            printText(out, report);
        }
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, EngineReport r) {
        row(out, "engine", r.engine() + " " + r.engineVersion() + " (DJL " + r.djlVersion() + ", built for PyTorch " + r.builtFor() + ")");
        row(out, "pytorch", r.pytorchVersion() + (r.flavor() == null ? "" : ", flavour " + r.flavor()) + " (version from " + r.pytorchVersionSource() + ")");
        row(out, "native library", r.nativeFolder(), r.nativeOrigin(),
                r.libtorch() == null || r.libtorch().startsWith(r.nativeFolder() + "/") ? null : "libtorch.so is " + r.libtorch());
        row(out, "jni library", r.jni(), r.jniOrigin());
        row(out, "engine variables", r.variables());
        row(out, "offline", (r.offline() ? "yes" : "no") + "; engine download: " + r.download());
        row(out, "djl cache", r.cache());
        row(out, "cuda", "PyTorch " + (r.torchCuda() ? "has CUDA" : "has no CUDA") + "; CUDA runtime "
                + (r.cudaRuntime() == null ? "not found" : r.cudaRuntime() + (r.cudaDriver() == null ? ", no NVIDIA driver" : ", driver up to CUDA " + r.cudaDriver())));
        String[] devices = r.devices().stream().map(DoctorCommand::device).toArray(String[]::new);
        row(out, "devices", devices);
        row(out, "usable gpus", r.gpus() > 0 ? r.gpus() + " (gpu:0 to gpu:" + (r.gpus() - 1) + ")"
                : "none: " + EngineReport.noGpuReason(r.torchCuda(), (int) r.devices().stream().filter(d -> !d.device().equals("cpu")).count(), r.flavor()));
        row(out, "intra-op threads", Integer.toString(r.threads()));
        row(out, "native allocator", r.nativeAllocator());
        for (String warning : r.warnings()) {
            out.println("warning: " + warning);
        }
    }

    private static String device(EngineReport.DeviceInfo d) {
        StringBuilder s = new StringBuilder(String.format("%-7s %s", d.device(), d.name() == null ? "(name unknown)" : d.name()));
        if (d.detail() != null) {
            s.append(", ").append(d.detail());
        }
        if (d.memoryTotalBytes() != null) {
            s.append(String.format(", %.1f GB memory", d.memoryTotalBytes() / 1e9));
            if (d.memoryUsedBytes() != null) {
                s.append(String.format(" (%.1f GB in use)", d.memoryUsedBytes() / 1e9));
            }
        }
        return s.toString();
    }

    /** A label and its lines, the later ones indented under the first; null lines are left out. */
    private static void row(PrintWriter out, String label, String... lines) {
        List<String> present = java.util.Arrays.stream(lines).filter(java.util.Objects::nonNull).toList();
        for (int i = 0; i < present.size(); i++) {
            out.println((i == 0 ? String.format("%-18s", label) : INDENT) + present.get(i));
        }
    }
}
