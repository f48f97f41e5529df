package org.mtan4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mtan4j.runtime.engine.EngineSetup;
import org.mtan4j.runtime.engine.Installation;

/**
 * {@code mtan doctor --torch-env}: asks a Python interpreter where its PyTorch is and writes the engine
 * variables that point DJL at it, as shell lines to {@code eval}. Starts no engine.
 */
final class TorchEnv {

    /** Prints the torch package's folder, version, CUDA version and the pip-installed NVIDIA library folders beside it. */
    static final String SCRIPT = String.join("\n",
            "import glob, json, os, torch",
            "d = os.path.dirname(os.path.abspath(torch.__file__))",
            "nv = sorted({os.path.dirname(p) for p in glob.glob(os.path.join(os.path.dirname(d), 'nvidia', '*', 'lib', '*.so*'))})",
            "print(json.dumps({'dir': d, 'version': torch.__version__, 'cuda': torch.version.cuda, 'nvidia': nv}))");

    private static final long WAIT_SECONDS = 120;
    private static final String INSTALL = "pip install torch==%s --index-url https://download.pytorch.org/whl/cu128";

    /**
     * One interpreter's PyTorch.
     *
     * @param dir the torch package's folder
     * @param version {@code torch.__version__} ({@code 2.7.1+cu128})
     * @param cuda {@code torch.version.cuda} ({@code 12.8}), or null for a CPU build
     * @param nvidia folders of pip-installed NVIDIA libraries (the CUDA runtime among them)
     */
    record Torch(String dir, String version, String cuda, List<String> nvidia) {

        /** The version without its local part. */
        String baseVersion() {
            return version.replaceFirst("[+].*$", "");
        }
    }

    private TorchEnv() {
    }

    /**
     * Runs {@code python} to find its PyTorch.
     *
     * @throws BadInput when it cannot run or cannot import torch, saying what to do
     */
    static Torch find(String python, String engineVersion) {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", SCRIPT).start();
        } catch (IOException e) {
            throw new BadInput("cannot run " + python + ": " + e.getMessage() + "; name the Python interpreter with --python");
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BadInput(python + " did not answer within " + WAIT_SECONDS + " s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String last = err.isEmpty() ? "exit " + process.exitValue() : err.lines().reduce((a, b) -> b).orElse(err);
                throw new BadInput(python + " cannot import torch (" + last + "). Install PyTorch " + engineVersion + " for that Python ("
                        + String.format(INSTALL, engineVersion) + "), or name another interpreter with --python");
            }
            String json = out.lines().reduce((a, b) -> b).orElse("");
            JsonNode node = new ObjectMapper().readTree(json);
            List<String> nvidia = new ArrayList<>();
            node.path("nvidia").forEach(n -> nvidia.add(n.asText()));
            return new Torch(node.path("dir").asText(), node.path("version").asText(),
                    node.path("cuda").isNull() || node.path("cuda").isMissingNode() ? null : node.path("cuda").asText(), List.copyOf(nvidia));
        } catch (IOException e) {
            throw new BadInput(python + " gave an answer that cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput("interrupted while waiting for " + python);
        }
    }

    /** The shell lines for {@code torch}: comments, then {@code export NAME=value} for each engine variable. */
    static List<String> lines(Torch torch, String python, Installation inst) {
        List<String> lines = new ArrayList<>();
        String lib = torch.dir() + "/lib";
        lines.add("# PyTorch " + torch.version() + (torch.cuda() == null ? " (CPU build)" : " (CUDA " + torch.cuda() + ")") + " of " + python
                + ": " + torch.dir());
        String flavor = torch.cuda() == null ? "cpu" : "cu" + torch.cuda().replace(".", "");
        List<String> jarFlavors = inst.jniJar() == null ? List.of() : List.copyOf(inst.jniJar().flavors());
        if (!torch.baseVersion().equals(inst.engineVersion())) {
            lines.add("# warning: DJL " + inst.djlVersion() + "'s JNI library is built for PyTorch " + inst.engineVersion() + ", not "
                    + torch.baseVersion() + ": `mtan doctor` will refuse this torch unless a JNI library compiled against it lies in " + lib
                    + " (README, \"GPUs\"); or install " + inst.engineVersion() + ": " + String.format(INSTALL, inst.engineVersion()));
        } else if (!jarFlavors.isEmpty() && !jarFlavors.contains(flavor)) {
            String major = flavor.length() > 3 ? flavor.substring(0, flavor.length() - 1) : flavor;
            String same = jarFlavors.stream().filter(f -> f.startsWith("cu") && f.startsWith(major)).findFirst().orElse(null);
            lines.add("# note: DJL's " + inst.jniJar().jar() + " carries JNI libraries for " + String.join(", ", jarFlavors) + ", not " + flavor
                    + (same == null ? "" : "; " + same + " is the one of the same CUDA major version"));
            if (same != null) {
                flavor = same;
            }
        }
        lines.add("export " + EngineSetup.LIBRARY_PATH + "=" + quote(lib));
        lines.add("export " + EngineSetup.VERSION + "=" + torch.baseVersion());
        lines.add("export " + EngineSetup.FLAVOR + "=" + flavor);
        if (torch.cuda() != null) {
            // DJL counts GPUs through libcudart, which a pip-installed torch keeps in its nvidia/* packages.
            List<String> folders = new ArrayList<>();
            folders.add(lib);
            folders.addAll(torch.nvidia());
            lines.add("export LD_LIBRARY_PATH=" + quote(String.join(":", folders)) + "\"${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"");
        }
        lines.add("# then check with: mtan doctor");
        return lines;
    }

    /** Single-quoted for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
