package org.mtan4j.runtime.engine;

import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What this installation offers DJL's PyTorch engine, read from the class path as DJL reads it: DJL's
 * version and the PyTorch version its engine is built for ({@code pytorch-engine.properties}), the bundled
 * native library ({@code native/lib/pytorch.properties} of a {@code pytorch-native-*} jar), the JNI
 * libraries of the {@code pytorch-jni} jar, and DJL's cache folder for PyTorch ({@code ~/.djl.ai/pytorch}
 * unless {@code DJL_CACHE_DIR} or {@code ENGINE_CACHE_DIR} say otherwise).
 *
 * @param djlVersion DJL's version ({@code 0.36.0})
 * @param engineVersion the PyTorch version DJL's engine is built for ({@code 2.7.1})
 * @param bundled the bundled native library, or null when no {@code pytorch-native-*} jar for this platform
 *     is on the class path
 * @param jniJar the JNI libraries carried by the {@code pytorch-jni} jar, or null without it
 * @param cache DJL's cache folder for PyTorch
 * @param classifier DJL's name for this platform ({@code linux-x86_64})
 */
public record Installation(String djlVersion, String engineVersion, Bundled bundled, JniJar jniJar, Path cache, String classifier) {

    /**
     * A bundled native library.
     *
     * @param version its version as the jar writes it ({@code 2.7.1-20250812})
     * @param flavor {@code cpu} or {@code cuNNN}
     * @param jar the jar's file name
     */
    public record Bundled(String version, String flavor, String jar) {
    }

    /**
     * The JNI libraries of DJL's {@code pytorch-jni} jar.
     *
     * @param version {@code <PyTorch version>-<DJL version>} ({@code 2.7.1-0.36.0})
     * @param flavors the flavours it carries for this platform ({@code cpu}, {@code cu128})
     * @param jar the jar's file name
     */
    public record JniJar(String version, Set<String> flavors, String jar) {
        /** Keeps the flavours sorted, for messages. */
        public JniJar {
            flavors = Collections.unmodifiableSortedSet(new TreeSet<>(flavors));
        }
    }

    /** This JVM's installation. */
    public static Installation current() {
        Properties engine = properties("pytorch-engine.properties");
        String classifier = platformClassifier();
        return new Installation(engine.getProperty("djl_version", "unknown"), engine.getProperty("pytorch_version", "unknown"),
                bundled(classifier), jniJar(classifier), Utils.getEngineCacheDir("pytorch").toAbsolutePath().normalize(), classifier);
    }

    /** {@code linux-x86_64}, {@code osx-aarch64}, ... as DJL names platforms. */
    static String platformClassifier() {
        String os = System.getProperty("os.name", "");
        String prefix = os.startsWith("Win") ? "win" : os.startsWith("Mac") ? "osx" : os.toLowerCase(Locale.ROOT).split("\\s")[0];
        String arch = System.getProperty("os.arch", "");
        return prefix + "-" + ("amd64".equals(arch) ? "x86_64" : arch);
    }

    private static Bundled bundled(String classifier) {
        for (URL url : resources("native/lib/pytorch.properties")) {
            Properties p = load(url);
            // A placeholder jar makes DJL download; a jar for another platform is ignored by DJL.
            String flavor = p.getProperty("flavor");
            if (p.getProperty("placeholder") != null || flavor == null || !classifier.equals(p.getProperty("classifier"))) {
                continue;
            }
            return new Bundled(p.getProperty("version"), flavor, jarName(url));
        }
        return null;
    }

    private static JniJar jniJar(String classifier) {
        for (URL url : resources("jnilib/pytorch.properties")) {
            Properties p = load(url);
            Set<String> flavors = new TreeSet<>();
            String prefix = "jnilib/" + classifier + "/";
            try {
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    connection.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        Enumeration<JarEntry> entries = file.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(prefix) && name.endsWith("/" + System.mapLibraryName("djl_torch"))) {
                                flavors.add(name.substring(prefix.length(), name.lastIndexOf('/')));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // Flavours unknown: every check that needs them refuses and says so.
            }
            return new JniJar(p.getProperty("jni_version", "unknown"), flavors, jarName(url));
        }
        return null;
    }

    private static Properties properties(String name) {
        for (URL url : resources(name)) {
            return load(url);
        }
        return new Properties();
    }

    private static Iterable<URL> resources(String name) {
        try {
            return Collections.list(ClassLoaderUtils.getResources(name));
        } catch (IOException e) {
            return Collections.emptyList();
        }
    }

    private static Properties load(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            // An unreadable file counts as an empty one.
        }
        return p;
    }

    /** The jar's file name from a {@code jar:file:/.../name.jar!/path} address; the address itself otherwise. */
    private static String jarName(URL url) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:") && bang > 0) {
            String jar = s.substring(4, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return s;
    }
}
