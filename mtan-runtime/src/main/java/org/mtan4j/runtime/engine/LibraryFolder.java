package org.mtan4j.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a folder holding {@code libtorch.so} tells about the PyTorch in it, read from files beside the
 * library (DJL reports whatever {@code PYTORCH_VERSION} says instead): a pip-installed torch's
 * {@code version.py}, a libtorch archive's {@code build-version}, or the name of a folder in DJL's cache.
 * The folder as named is read first, then the one its {@code libtorch.so} link leads to, so a folder of links
 * into a torch installation reads that torch.
 *
 * @param folder the folder as named
 * @param libtorch {@code libtorch.so} with links resolved (the file the loader maps)
 * @param version PyTorch's version as written there ({@code 2.7.1+cu128}), or null when nothing tells
 * @param flavor {@code cpu}, {@code cuNNN} ({@code cu128}: CUDA 12.8), {@code cuda} (a CUDA build of unknown
 *     version), or null when nothing tells
 * @param source where the version was read, for messages
 */
public record LibraryFolder(Path folder, Path libtorch, String version, String flavor, String source) {

    /** {@code libtorch.so} (or the platform's name for it). */
    static final String LIBTORCH = System.mapLibraryName("torch");

    private static final Pattern PY_VERSION = Pattern.compile("(?m)^__version__\\s*(?::[^=]*)?=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern PY_CUDA = Pattern.compile("(?m)^cuda\\s*(?::[^=]*)?=\\s*(?:['\"]([0-9.]+)['\"]|None)");
    private static final Pattern CACHE_FOLDER = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:-\\d+)?-(cpu|cu\\d{3})(?:-precxx11)?-[a-z]+-[a-z0-9_]+");
    private static final Pattern LOCAL_FLAVOR = Pattern.compile(".*\\+(cpu|cu\\d{3}).*");

    /** Reads what {@code folder} tells; {@code folder} must hold {@code libtorch.so}. */
    public static LibraryFolder read(Path folder) {
        Path lib = folder.resolve(LIBTORCH);
        Path real;
        try {
            real = lib.toRealPath();
        } catch (IOException e) {
            real = lib.toAbsolutePath().normalize();
        }
        // The folder as named first (a torch package's lib), then the one its links lead to.
        Set<Path> folders = new LinkedHashSet<>(List.of(folder.toAbsolutePath().normalize(), real.getParent()));
        String version = null;
        String flavor = null;
        String source = null;
        for (Path f : folders) {
            Path root = f.getParent();
            if (version != null || root == null) {
                break;
            }
            if (Files.isRegularFile(root.resolve("version.py"))) {
                String text = readQuietly(root.resolve("version.py"));
                Matcher v = PY_VERSION.matcher(text);
                if (v.find()) {
                    version = v.group(1);
                    source = root.resolve("version.py").toString();
                    Matcher c = PY_CUDA.matcher(text);
                    if (c.find()) {
                        flavor = c.group(1) == null ? "cpu" : cudaFlavor(c.group(1));
                    }
                }
            } else if (Files.isRegularFile(root.resolve("build-version"))) {
                String text = readQuietly(root.resolve("build-version")).strip();
                if (!text.isEmpty()) {
                    version = text.lines().findFirst().orElse(text).strip();
                    source = root.resolve("build-version").toString();
                }
            }
        }
        for (Path f : folders) {
            Matcher m = CACHE_FOLDER.matcher(f.getFileName() == null ? "" : f.getFileName().toString());
            if (version == null && m.matches()) {
                version = m.group(1);
                flavor = m.group(2);
                source = "the name of DJL's cache folder " + f;
            }
        }
        if (version != null) {
            Matcher local = LOCAL_FLAVOR.matcher(version);
            if (local.matches()) {
                flavor = local.group(1);
            }
        }
        Path realFolder = real.getParent();
        if (flavor == null && Files.exists(realFolder.resolve(System.mapLibraryName("torch_cuda")))) {
            flavor = "cuda";
        } else if (flavor == null && Files.exists(realFolder.resolve(System.mapLibraryName("torch_cpu")))) {
            flavor = "cpu";
        }
        return new LibraryFolder(folder, real, version, flavor, source);
    }

    /** The version without its local part: {@code 2.7.1} for {@code 2.7.1+cu128}; null when unknown. */
    public String baseVersion() {
        return version == null ? null : version.replaceFirst("[+].*$", "");
    }

    /** Whether the library is a CUDA build (null when nothing tells). */
    public Boolean cuda() {
        return flavor == null ? null : flavor.startsWith("cu");
    }

    /** {@code cu128} for CUDA {@code 12.8}. */
    static String cudaFlavor(String cudaVersion) {
        String[] parts = cudaVersion.split("\\.");
        return "cu" + parts[0] + (parts.length > 1 ? parts[1] : "0");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
