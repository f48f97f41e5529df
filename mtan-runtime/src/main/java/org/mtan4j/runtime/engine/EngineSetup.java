package org.mtan4j.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which PyTorch library DJL's engine is to load, decided before it starts from the engine variables
 * (environment variables, or system properties of the same names, as DJL reads them) and what the
 * installation holds. Three routes, mirroring DJL's own search ({@code ai.djl.pytorch.jni.LibUtils}):
 * <ul>
 *   <li>{@link Route#BUNDLED} (no variable set): the CPU library of the {@code pytorch-native-cpu} jar,
 *       extracted to DJL's cache.</li>
 *   <li>{@link Route#LIBRARY_PATH}: {@code PYTORCH_LIBRARY_PATH} names a folder holding {@code libtorch.so}
 *       (an installed PyTorch, e.g. a pip-installed torch's {@code torch/lib}); the JNI library is one
 *       beside it, else DJL's for {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR} from the
 *       {@code pytorch-jni} jar.</li>
 *   <li>{@link Route#DJL_CACHE}: {@code PYTORCH_FLAVOR} (or {@code PYTORCH_VERSION}) asks for another build
 *       than the bundled one and no library path is set: DJL's build of that PyTorch in its cache,
 *       downloaded once when {@value #DOWNLOAD_VARIABLE} (or the system property {@value #DOWNLOAD_PROPERTY},
 *       or {@code mtan doctor --download-engine}) allows it; only for that start is {@code ai.djl.offline}
 *       lifted.</li>
 * </ul>
 * Where DJL would silently fall back to the bundled CPU library (a library path that does not exist, a
 * flavour it ignores) or fail later with a bare message, {@link #plan} refuses with one message that says
 * what was found and what to set.
 *
 * @param variables the engine variables read
 * @param installation what the class path and DJL's cache hold
 * @param route where the native library comes from
 * @param nativeFolder the folder DJL is to load {@code libtorch.so} from
 * @param nativeOrigin how that folder came to be, in words
 * @param jni the JNI library DJL is to load ({@code libdjl_torch.so})
 * @param jniOrigin how it came to be, in words
 * @param flavor the flavour DJL uses ({@code cpu}, {@code cu128}; for a library path with its own JNI library
 *     the variable's value, possibly null)
 * @param library what the native folder tells about itself, or null where it is not there yet (a download)
 * @param downloads whether this start downloads (DJL's build or its JNI library), with offline mode lifted
 * @param warnings what may not work though the engine can start (a JNI library of another PyTorch version)
 */
public record EngineSetup(Variables variables, Installation installation, Route route, Path nativeFolder, String nativeOrigin,
        Path jni, String jniOrigin, String flavor, LibraryFolder library, boolean downloads, List<String> warnings) {

    /** The folder of an installed PyTorch (or a file in it), as DJL reads it. */
    public static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    /** The PyTorch version DJL reports and picks its JNI library by. */
    public static final String VERSION = "PYTORCH_VERSION";
    /** The build: {@code cpu} or {@code cuNNN} (CUDA N.N). */
    public static final String FLAVOR = "PYTORCH_FLAVOR";
    /** Environment variable that lets this start download DJL's build of PyTorch. */
    public static final String DOWNLOAD_VARIABLE = "MTAN_DOWNLOAD_ENGINE";
    /** System property of the same meaning. */
    public static final String DOWNLOAD_PROPERTY = "mtan.download-engine";

    private static final String OFFLINE = "ai.djl.offline";
    private static final String BUNDLED_PROPERTIES = "native/lib/pytorch.properties";
    private static final Pattern FLAVOR_FORMAT = Pattern.compile("(cpu|cu\\d{3})(-precxx11)?");
    /** DJL's own pattern for versions ({@code LibUtils.VERSION_PATTERN}): a local part such as {@code +cu128} is refused by it. */
    private static final Pattern VERSION_FORMAT = Pattern.compile("(\\d+\\.\\d+\\.\\d+(-[a-z]+)?)(-SNAPSHOT)?(-\\d+)?");
    private static final String JNI = System.mapLibraryName("djl_torch");
    private static final String HELP = " (README, \"GPUs\"; `mtan doctor` shows what the engine uses)";

    /** Where the native library comes from. */
    public enum Route {
        /** The {@code pytorch-native-cpu} jar's library, extracted to DJL's cache. */
        BUNDLED,
        /** The folder named by {@code PYTORCH_LIBRARY_PATH}. */
        LIBRARY_PATH,
        /** DJL's build of PyTorch in its cache (downloaded once on request). */
        DJL_CACHE;

        /** {@code bundled}, {@code library-path}, {@code djl-cache}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The engine variables, blank values counting as unset (as DJL treats them).
     *
     * @param libraryPath {@value #LIBRARY_PATH}, or null
     * @param version {@value #VERSION}, or null
     * @param flavor {@value #FLAVOR}, or null
     * @param download whether {@value #DOWNLOAD_VARIABLE} or {@value #DOWNLOAD_PROPERTY} is {@code true}
     * @param djlOffline the environment variable {@code DJL_OFFLINE}, which DJL prefers to any property; or null
     */
    public record Variables(String libraryPath, String version, String flavor, boolean download, String djlOffline) {

        /**
         * This process's variables: environment first, then system properties (DJL's order); the download
         * permission also from the system property {@value #DOWNLOAD_PROPERTY}.
         */
        public static Variables fromEnvironment() {
            Function<String, String> lookup = name -> {
                String value = Utils.getEnvOrSystemProperty(name);
                return value == null && name.equals(DOWNLOAD_VARIABLE) ? System.getProperty(DOWNLOAD_PROPERTY) : value;
            };
            return read(lookup, System.getenv("DJL_OFFLINE"));
        }

        /** The variables {@code lookup} gives (a name to its value or null). */
        public static Variables read(Function<String, String> lookup, String djlOffline) {
            String download = blankToNull(lookup.apply(DOWNLOAD_VARIABLE));
            return new Variables(blankToNull(lookup.apply(LIBRARY_PATH)), blankToNull(lookup.apply(VERSION)),
                    blankToNull(lookup.apply(FLAVOR)), download != null && List.of("true", "1", "yes").contains(download.toLowerCase(Locale.ROOT)),
                    blankToNull(djlOffline));
        }

        /** {@code NAME=value} for each variable set, or {@code none set}. */
        public String describe() {
            List<String> set = new ArrayList<>();
            if (libraryPath != null) {
                set.add(LIBRARY_PATH + "=" + libraryPath);
            }
            if (version != null) {
                set.add(VERSION + "=" + version);
            }
            if (flavor != null) {
                set.add(FLAVOR + "=" + flavor);
            }
            return set.isEmpty() ? "none set" : String.join(", ", set);
        }
    }

    /** Plans this process's start from its variables and class path. */
    public static EngineSetup current() {
        return plan(Variables.fromEnvironment(), Installation.current());
    }

    /**
     * Decides where the native and JNI libraries come from.
     *
     * @throws EngineSetupException when the variables name something that is not there or cannot work
     */
    public static EngineSetup plan(Variables v, Installation inst) {
        if (v.flavor() != null && !FLAVOR_FORMAT.matcher(v.flavor()).matches()) {
            throw new EngineSetupException(FLAVOR + "=" + v.flavor() + " is not a flavour: allowed are cpu and cuNNN, the CUDA version "
                    + "without its dot (cu128 for CUDA 12.8)" + HELP);
        }
        if (v.version() != null && !VERSION_FORMAT.matcher(v.version()).matches()) {
            throw new EngineSetupException(VERSION + "=" + v.version() + " is not a version DJL reads: write it as 2.7.1"
                    + (v.version().contains("+") ? ", without the local part " + v.version().substring(v.version().indexOf('+'))
                            + " (that goes into " + FLAVOR + ")" : "") + HELP);
        }
        if (v.libraryPath() != null) {
            return installed(v, inst);
        }
        Installation.Bundled bundled = inst.bundled();
        boolean otherFlavor = v.flavor() != null && (bundled == null || !v.flavor().equals(bundled.flavor()));
        boolean otherVersion = v.version() != null && (bundled == null || !bundled.version().startsWith(v.version()));
        if (bundled == null && v.flavor() == null) {
            throw new EngineSetupException("no PyTorch library: no pytorch-native jar for " + inst.classifier() + " is on the class path and "
                    + LIBRARY_PATH + " is not set. Set " + LIBRARY_PATH + ", " + VERSION + " and " + FLAVOR + " to an installed PyTorch "
                    + "(`mtan doctor --torch-env` prints them for the local Python's torch)" + HELP);
        }
        if (!otherFlavor && !otherVersion) {
            Path folder = inst.cache().resolve(bundled.version() + "-" + bundled.flavor() + "-" + inst.classifier());
            Path jni = folder.resolve(inst.djlVersion() + "-" + JNI);
            String jniOrigin = Files.exists(jni) ? "DJL's JNI library for PyTorch " + baseOf(bundled.version()) + " " + bundled.flavor()
                    + ", in DJL's cache (extracted from " + jarName(inst) + ")"
                    : "DJL's JNI library from " + jarName(inst) + " (jnilib/" + inst.classifier() + "/" + bundled.flavor() + "), to be extracted to DJL's cache";
            return new EngineSetup(v, inst, Route.BUNDLED, folder, "the bundled " + bundled.flavor() + " library of " + bundled.jar()
                    + ", extracted to DJL's cache", jni, jniOrigin, bundled.flavor(),
                    Files.exists(folder.resolve(LibraryFolder.LIBTORCH)) ? LibraryFolder.read(folder) : null, false, List.of());
        }
        return djlBuild(v, inst);
    }

    /** {@code PYTORCH_LIBRARY_PATH}: DJL takes the first entry that is {@code libtorch.so} or holds it. */
    private static EngineSetup installed(Variables v, Installation inst) {
        Path folder = null;
        List<String> misses = new ArrayList<>();
        for (String entry : v.libraryPath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                misses.add(entry + " does not exist");
            } else if (Files.isRegularFile(p) && p.getFileName().toString().equals(LibraryFolder.LIBTORCH)) {
                folder = p.toAbsolutePath().getParent();
                break;
            } else if (Files.isRegularFile(p.resolve(LibraryFolder.LIBTORCH))) {
                folder = p.toAbsolutePath();
                break;
            } else {
                misses.add(entry + " holds no " + LibraryFolder.LIBTORCH);
            }
        }
        if (folder == null) {
            throw new EngineSetupException(LIBRARY_PATH + "=" + v.libraryPath() + ": " + String.join("; ", misses) + ". Set it to the folder "
                    + "that holds " + LibraryFolder.LIBTORCH + " of a PyTorch installation (for a pip-installed torch its torch/lib folder; "
                    + "`mtan doctor --torch-env` prints the variables to set), or unset it for the bundled CPU library" + HELP);
        }
        folder = folder.normalize();
        LibraryFolder lib = LibraryFolder.read(folder);
        String found = lib.version() == null ? "a PyTorch of unknown version" : "PyTorch " + lib.version();
        List<String> warnings = new ArrayList<>();
        if (lib.version() == null) {
            warnings.add("cannot tell which PyTorch " + folder + " holds (no version.py or build-version beside it); "
                    + "DJL's JNI library works only with the PyTorch it was built for");
        }
        String nativeOrigin = LIBRARY_PATH + " (" + found + (lib.source() == null ? "" : ", from " + lib.source()) + ")";
        Path beside = Files.exists(folder.resolve(inst.djlVersion() + "-" + JNI)) ? folder.resolve(inst.djlVersion() + "-" + JNI)
                : Files.exists(folder.resolve(JNI)) ? folder.resolve(JNI) : null;
        if (beside != null) {
            // A JNI library beside the native one is what a self-compiled set-up uses (built against that PyTorch).
            if (lib.baseVersion() != null && !lib.baseVersion().equals(inst.engineVersion())) {
                warnings.add("DJL " + inst.djlVersion() + "'s engine is built for PyTorch " + inst.engineVersion() + "; " + folder + " holds "
                        + found + " with its own JNI library " + beside + ", which works only if it was compiled against that PyTorch");
            }
            if (lib.baseVersion() != null && v.version() != null && !v.version().equals(lib.baseVersion())) {
                warnings.add(VERSION + "=" + v.version() + " but " + folder + " holds " + found + ": the engine reports " + VERSION
                        + "; set it to " + lib.baseVersion());
            } else if (lib.baseVersion() != null && v.version() == null && !lib.baseVersion().equals(inst.engineVersion())) {
                warnings.add(VERSION + " is not set: the engine reports PyTorch " + inst.engineVersion() + "; set " + VERSION + "="
                        + lib.baseVersion());
            }
            return new EngineSetup(v, inst, Route.LIBRARY_PATH, folder, nativeOrigin, beside,
                    "beside the native library (" + LIBRARY_PATH + "), not DJL's: one built for that PyTorch", v.flavor(), lib, false,
                    List.copyOf(warnings));
        }
        if (v.flavor() == null) {
            throw new EngineSetupException(LIBRARY_PATH + "=" + v.libraryPath() + " holds " + found + " and no JNI library, so DJL picks its own "
                    + "by " + VERSION + " and " + FLAVOR + ", and " + FLAVOR + " is not set. Set " + FLAVOR + "="
                    + suggestedFlavor(lib, inst) + (v.version() == null && lib.baseVersion() != null ? " and " + VERSION + "=" + lib.baseVersion() : "")
                    + HELP);
        }
        // DJL's LibTorch(dir): the version is PYTORCH_VERSION, else the bundled jar's, else the engine's.
        String version = v.version() != null ? v.version() : inst.bundled() != null ? inst.bundled().version() : inst.engineVersion();
        Boolean cuda = lib.cuda();
        if (cuda != null && cuda != v.flavor().startsWith("cu")) {
            throw new EngineSetupException(FLAVOR + "=" + v.flavor() + " picks DJL's " + (cuda ? "CPU" : "CUDA") + " JNI library, but "
                    + folder + " holds " + found + ", a " + (cuda ? "CUDA" : "CPU") + " build. Set " + FLAVOR + "=" + suggestedFlavor(lib, inst)
                    + (cuda ? "" : ", or point " + LIBRARY_PATH + " at a CUDA build of PyTorch") + HELP);
        }
        Jni jni = djlJni(inst, inst.cache().resolve(version + "-" + v.flavor() + "-" + inst.classifier()), version, v.flavor());
        String builtFor = baseOf(version);
        if (lib.baseVersion() != null && !majorMinor(lib.baseVersion()).equals(majorMinor(builtFor))) {
            throw new EngineSetupException(folder + " holds " + found + ", but DJL's JNI library is built for PyTorch " + builtFor
                    + (v.version() == null ? " (" + VERSION + " is not set)" : " (" + VERSION + "=" + v.version() + ")")
                    + ": they do not work together. Install PyTorch " + inst.engineVersion() + " (pip install torch==" + inst.engineVersion()
                    + " --index-url https://download.pytorch.org/whl/cu128) and point " + LIBRARY_PATH + " at it, or compile DJL "
                    + inst.djlVersion() + "'s JNI library against this PyTorch and put " + JNI + " into " + folder + HELP);
        }
        if (lib.baseVersion() != null && !lib.baseVersion().equals(builtFor)) {
            warnings.add(folder + " holds " + found + "; DJL's JNI library is built for PyTorch " + builtFor);
        }
        if (jni.missing() != null && !v.download()) {
            throw new EngineSetupException(LIBRARY_PATH + "=" + v.libraryPath() + " holds " + found + " without a JNI library, and DJL's JNI "
                    + "library for PyTorch " + builtFor + " " + v.flavor() + " " + jni.missing() + ". " + jniAdvice(inst, folder, jni.versionInJar()) + HELP);
        }
        refuseDownloadWhenOffline(v, jni.missing() != null);
        return new EngineSetup(v, inst, Route.LIBRARY_PATH, folder, nativeOrigin, jni.path(), jni.origin(), v.flavor(), lib,
                jni.missing() != null, List.copyOf(warnings));
    }

    /** DJL's build of PyTorch ({@code PYTORCH_FLAVOR}, {@code PYTORCH_VERSION}) in its cache, or downloaded into it. */
    private static EngineSetup djlBuild(Variables v, Installation inst) {
        String bundledText = inst.bundled() == null ? "no library is bundled"
                : "the bundled library is PyTorch " + baseOf(inst.bundled().version()) + " " + inst.bundled().flavor();
        if (v.flavor() == null) {
            throw new EngineSetupException(VERSION + "=" + v.version() + " asks for another PyTorch than the bundled one (" + bundledText
                    + ") without " + LIBRARY_PATH + ": set " + FLAVOR + " too (cpu or cuNNN) for DJL's build of it, or " + LIBRARY_PATH
                    + " to an installed PyTorch" + HELP);
        }
        // LibUtils.findNativeLibrary: a version the engine's does not start with replaces it; the engine's otherwise.
        String version = v.version() != null && !inst.engineVersion().startsWith(v.version()) ? v.version() : inst.engineVersion();
        Path folder = inst.cache().resolve(version + "-" + v.flavor() + "-" + inst.classifier());
        boolean nativeHere = Files.isRegularFile(folder.resolve(LibraryFolder.LIBTORCH));
        Jni jni = djlJni(inst, folder, version, v.flavor());
        String asked = "PyTorch " + version + " " + v.flavor();
        String askedBy = v.version() != null && !version.equals(inst.engineVersion()) ? FLAVOR + "=" + v.flavor() + " and " + VERSION + "="
                + v.version() : FLAVOR + "=" + v.flavor();
        boolean downloads = !nativeHere || jni.missing() != null;
        if (downloads && jni.missing() != null && jni.versionInJar()) {
            // DJL publishes its builds of a version for the flavours its JNI jar carries; another would make it
            // substitute the nearest CUDA build after a download of gigabytes.
            throw new EngineSetupException(askedBy + " asks for DJL's build of " + asked + ", which is not here (" + bundledText + ", and DJL's "
                    + "cache has no " + folder + ") and which DJL does not publish: its JNI jar " + inst.jniJar().jar() + " carries "
                    + String.join(", ", inst.jniJar().flavors()) + " for " + inst.classifier() + ". Set "
                    + FLAVOR + " to one of them, or " + LIBRARY_PATH + " (with " + VERSION + " and " + FLAVOR + ") to an installed PyTorch "
                    + "(`mtan doctor --torch-env` prints them)" + HELP);
        }
        if (downloads && !v.download()) {
            throw new EngineSetupException(askedBy + " asks for DJL's build of " + asked + ", which is not here: " + bundledText + ", and DJL's "
                    + "cache has no " + folder + (nativeHere ? " JNI library" : "") + ". Set " + LIBRARY_PATH + " (with " + VERSION + " and "
                    + FLAVOR + ") to an installed PyTorch (`mtan doctor --torch-env` prints them), or let DJL download its build once with "
                    + DOWNLOAD_VARIABLE + "=true or `mtan doctor --download-engine` (internet needed), or unset " + FLAVOR
                    + (v.version() != null ? " and " + VERSION : "") + " for the bundled CPU library" + HELP);
        }
        refuseDownloadWhenOffline(v, downloads);
        String nativeOrigin = nativeHere ? "DJL's build of " + asked + " in DJL's cache (downloaded from publish.djl.ai by an earlier start)"
                : "DJL's build of " + asked + ", downloaded from publish.djl.ai into DJL's cache by this start";
        return new EngineSetup(v, inst, Route.DJL_CACHE, folder, nativeOrigin, jni.path(), jni.origin(), v.flavor(),
                nativeHere ? LibraryFolder.read(folder) : null, downloads, List.of());
    }

    /**
     * DJL's JNI library for {@code version} and {@code flavor} ({@code LibUtils.findJniLibrary}): in the cache
     * folder, else from the {@code pytorch-jni} jar when it carries that version and flavour, else downloaded.
     */
    private record Jni(Path path, String origin, String missing, boolean versionInJar) {
    }

    private static Jni djlJni(Installation inst, Path cacheFolder, String version, String flavor) {
        Path cached = cacheFolder.resolve(inst.djlVersion() + "-" + JNI);
        String builtFor = baseOf(version);
        if (Files.exists(cached)) {
            return new Jni(cached, "DJL's JNI library for PyTorch " + builtFor + " " + flavor + ", in DJL's cache", null, true);
        }
        Installation.JniJar jar = inst.jniJar();
        boolean versionInJar = jar != null && jar.version().startsWith(builtFor + "-" + inst.djlVersion());
        if (versionInJar && jar.flavors().contains(flavor)) {
            return new Jni(cached, "DJL's JNI library from " + jar.jar() + " (jnilib/" + inst.classifier() + "/" + flavor
                    + "), extracted to DJL's cache", null, true);
        }
        String missing = "is not in DJL's cache (" + cached + ")" + (jar == null ? " and no pytorch-jni jar is on the class path"
                : versionInJar ? " nor in " + jar.jar() + ", which carries " + String.join(", ", jar.flavors()) + " for " + inst.classifier()
                : " nor in " + jar.jar() + ", which is for PyTorch " + jar.version().replaceFirst("-[^-]+$", ""));
        return new Jni(cached, "DJL's JNI library for PyTorch " + builtFor + " " + flavor + ", downloaded from publish.djl.ai into DJL's "
                + "cache by this start", missing, versionInJar);
    }

    private static String jniAdvice(Installation inst, Path folder, boolean versionInJar) {
        Installation.JniJar jar = inst.jniJar();
        String compile = "compile DJL " + inst.djlVersion() + "'s JNI library against this PyTorch and put " + JNI + " into " + folder;
        String download = "let DJL download its JNI library with " + DOWNLOAD_VARIABLE + "=true (internet needed)";
        if (jar != null && versionInJar && !jar.flavors().isEmpty()) {
            return "Set " + FLAVOR + " to one the jar carries (" + String.join(", ", jar.flavors()) + "; a CUDA build takes DJL's JNI library "
                    + "of the same CUDA major version), " + compile + ", or " + download;
        }
        return "Install PyTorch " + inst.engineVersion() + ", the version DJL's JNI jar is for, " + compile + ", or " + download;
    }

    private static void refuseDownloadWhenOffline(Variables v, boolean downloads) {
        if (downloads && v.djlOffline() != null && Boolean.parseBoolean(v.djlOffline())) {
            throw new EngineSetupException(DOWNLOAD_VARIABLE + " asks DJL to download, but the environment variable DJL_OFFLINE=" + v.djlOffline()
                    + " forbids it (DJL prefers it to any setting): unset DJL_OFFLINE for this start");
        }
    }

    private static String suggestedFlavor(LibraryFolder lib, Installation inst) {
        if (lib.flavor() != null && !lib.flavor().equals("cuda")) {
            return lib.flavor();
        }
        Set<String> cuda = new TreeSet<>();
        if (inst.jniJar() != null) {
            inst.jniJar().flavors().stream().filter(f -> f.startsWith("cu")).forEach(cuda::add);
        }
        return Boolean.FALSE.equals(lib.cuda()) ? "cpu" : cuda.isEmpty() ? "cuNNN (the CUDA version of that build)" : String.join(" or ", cuda);
    }

    private static String jarName(Installation inst) {
        return inst.jniJar() == null ? "the pytorch-jni jar" : inst.jniJar().jar();
    }

    /**
     * The PyTorch version this plan loads, as far as it is known before the start: the library folder's
     * own ({@code 2.7.1+cu128}), else the bundled jar's or DJL's build's ({@code 2.7.1}), else
     * {@code PYTORCH_VERSION}, else {@code unknown}.
     */
    public String pytorchVersion() {
        if (library != null && library.version() != null) {
            return library.version();
        }
        return switch (route) {
            case BUNDLED -> baseOf(installation.bundled().version());
            case DJL_CACHE -> nativeFolder.getFileName().toString().split("-")[0];
            case LIBRARY_PATH -> variables.version() != null ? variables.version() : "unknown";
        };
    }

    /** {@code 2.7.1} of {@code 2.7.1-20250812}. */
    static String baseOf(String version) {
        Matcher m = VERSION_FORMAT.matcher(version);
        return m.matches() ? m.group(1) : version;
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /**
     * Starts the engine as planned: for {@link Route#DJL_CACHE} with the bundled jar hidden from DJL's
     * platform search (else it would load the bundled CPU library), and with {@code ai.djl.offline} lifted
     * only while this start downloads. Then checks that DJL loaded the planned folder.
     *
     * @throws EngineSetupException when the engine does not start or loads another library than planned
     */
    public Engine start() {
        Engine engine;
        try {
            engine = during(route == Route.DJL_CACHE, downloads, Engine::getInstance);
        } catch (RuntimeException | LinkageError e) {
            if (route == Route.BUNDLED && variables.flavor() == null && variables.version() == null) {
                throw e;
            }
            throw new EngineSetupException("the engine did not start from " + nativeFolder + " (" + nativeOrigin + "): " + rootMessage(e)
                    + ". Check " + variables.describe() + HELP, e);
        }
        if ("PyTorch".equals(engine.getEngineName())) {
            Path loaded = loadedFolder();
            if (loaded != null && !loaded.equals(nativeFolder.toAbsolutePath().normalize())) {
                throw new EngineSetupException(route == Route.DJL_CACHE && downloads
                        ? "DJL has no build of PyTorch " + baseOf(nativeFolder.getFileName().toString()) + " for " + FLAVOR + "=" + flavor + " on "
                                + installation.classifier() + " and loaded " + loaded + " instead" + offered() + HELP
                        : "DJL loaded " + loaded + " instead of the planned " + nativeFolder + " (" + nativeOrigin + ")" + HELP);
            }
        }
        return engine;
    }

    /** The folder DJL loaded {@code libtorch.so} from, or null when no PyTorch engine has started. */
    public static Path loadedFolder() {
        try {
            return Path.of(ai.djl.pytorch.jni.LibUtils.getLibtorchPath()).toAbsolutePath().normalize();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The flavours DJL's index of PyTorch builds (cached by a download) lists for this platform. */
    private String offered() {
        String version = nativeFolder.getFileName().toString().split("-")[0];
        Path index = installation.cache().resolve(version + ".txt");
        Set<String> flavors = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(index)) {
                String[] parts = line.split("/");
                if (parts.length > 2 && parts[1].equals(installation.classifier())) {
                    flavors.add(parts[0]);
                }
            }
        } catch (IOException e) {
            return "";
        }
        return flavors.isEmpty() ? "" : "; for " + version + " DJL offers " + String.join(", ", flavors) + " (its index " + index + "): set "
                + FLAVOR + " to one of them";
    }

    /**
     * Runs {@code body} (an engine start) with the bundled library hidden from DJL when asked, and with
     * {@code ai.djl.offline=false} only when {@code liftOffline}; both are undone afterwards.
     */
    static <T> T during(boolean hideBundled, boolean liftOffline, Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String offline = System.getProperty(OFFLINE);
        try {
            if (hideBundled) {
                thread.setContextClassLoader(new WithoutBundledLibrary(previous != null ? previous : EngineSetup.class.getClassLoader()));
            }
            if (liftOffline) {
                System.setProperty(OFFLINE, "false");
            }
            return body.get();
        } finally {
            thread.setContextClassLoader(previous);
            if (offline == null) {
                System.clearProperty(OFFLINE);
            } else {
                System.setProperty(OFFLINE, offline);
            }
        }
    }

    /** Hides the bundled jar's {@code native/lib/pytorch.properties}, the file DJL's platform search looks for. */
    private static final class WithoutBundledLibrary extends ClassLoader {

        WithoutBundledLibrary(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return BUNDLED_PROPERTIES.equals(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return BUNDLED_PROPERTIES.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return e == t || e.getMessage() == null ? message : e.getMessage() + ": " + message;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
