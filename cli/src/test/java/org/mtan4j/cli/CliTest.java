package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mtan} entry point in-process; {@link #mtan} is shared by every CLI test, in any package. */
public class CliTest {

    /** Every address any code in this JVM tried to reach through Java's networking. */
    private static final java.util.List<java.net.URI> REQUESTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeAll
    static void recordNetworkRequests() {
        // Installed before any engine starts in this JVM: DJL's downloads and telemetry go through it.
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(java.net.URI uri) {
                REQUESTS.add(uri);
                // A closed local port: even a failing test sends nothing off this machine.
                return java.util.List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, new java.net.InetSocketAddress("127.0.0.1", 9)));
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress sa, java.io.IOException ioe) {
            }
        });
    }

    @org.junit.jupiter.api.AfterAll
    static void theEngineMadeNoNetworkRequest() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(java.util.List.of(), REQUESTS, "network requests during the CLI tests");
    }

    /** What one invocation printed and returned. */
    public record Result(int code, String out, String err) {
    }

    /** Runs {@code mtan args} in this JVM, capturing what it prints. */
    public static Result mtan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path demoWith(Path dir, String name, String... replacements) throws Exception {
        String yaml = ConfigSource.demoYaml();
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(yaml.contains(replacements[i]), "demo.yaml contains " + replacements[i]);
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void validateAcceptsTheDemo(@TempDir Path dir) throws Exception {
        Result r = mtan("validate", demoWith(dir, "demo.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid"), r.out());
    }

    @Test
    void validateRefusesBadConfigsWithExit2NamingTheKeyPath(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"unknown-key.yaml", "batch-size: 8", "batch-sise: 8", "training.batch-sise", "batch-size"},
            {"wrong-type.yaml", "epochs: 10", "epochs: ten", "training.epochs", "whole number"},
            {"unknown-plugin.yaml", "name: split", "name: splitt", "backbone.name", "split"},
            {"bad-size.yaml", "height: 96, width: 128", "height: 100, width: 100", "dataset.options.height", "multiples of 32"},
        };
        for (String[] c : cases) {
            Result r = mtan("validate", demoWith(dir, c[0], c[1], c[2]).toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, c[0] + " prints one message: " + r.err());
            assertTrue(r.err().contains(c[3]) && r.err().contains(c[4]) && r.err().contains(c[0]), c[0] + ": " + r.err());
        }
    }

    @Test
    void badUsageExits2() {
        assertEquals(2, mtan("train", "--no-such-option").code());
        Result missing = mtan("validate", "/no/such/file.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("/no/such/file.yaml"), missing.err());
    }

    @Test
    void completionScriptsCompleteEveryCommand() {
        for (String shell : new String[] {"bash", "zsh"}) {
            Result r = mtan("completion", shell);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("complete -F _complete_mtan") || r.out().contains("complete -o default -F _complete_mtan"), r.out());
            assertTrue(r.out().contains("bashcompinit"), "zsh runs it through its bash layer");
            for (String command : new String[] {"train", "report", "sweep", "check", "--resume", "--log-level"}) {
                assertTrue(r.out().contains(command), command);
            }
        }
    }

    @Test
    void pluginsListsEveryBundledPluginByKind() {
        Result r = mtan("plugins");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"split", "segnet-semantic", "segnet-depth", "segnet-normal", "equal",
            "confusion-matrix", "depth-error", "normal-angle", "synthetic", "backbones:", "heads:", "weightings:", "datasets:", "metrics:",
            "  mmoe ", "  cgc ", "  ple ", "  dselect-k ", "  ltb "}) {
            assertTrue(r.out().contains(name), name + " in\n" + r.out());
        }
        assertTrue(r.out().contains("filters"), "options with defaults are shown");
    }

    @Test
    void trainRunsAndPrintsTheFinalTable(@TempDir Path dir) throws Exception {
        Result r = mtan("train", "--out", dir.toString(), "--set", "dataset.options.height=32", "--set", "dataset.options.width=32",
                "--set", "dataset.options.train-size=4", "--set", "dataset.options.val-size=2", "--set", "training.epochs=1",
                "--set", "backbone.options.filters=[4,4,4,4,4]");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| semantic | miou"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("demo/report.md")));
        Result again = mtan("train", "--out", dir.toString(), "--set", "training.epochs=1");
        assertEquals(2, again.code(), "an existing run directory is not overwritten: " + again.err());
        assertTrue(again.err().contains("--force") && again.err().contains("--resume"), again.err());
    }
}
