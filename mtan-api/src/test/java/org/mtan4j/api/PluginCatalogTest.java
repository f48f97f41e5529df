package org.mtan4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCatalogTest {

    /** A metric provider whose name is fixed by the subclass. */
    abstract static class NamedMetric implements MetricProvider<NoOptions> {
        @Override
        public String description() {
            return "test";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public NoOptions defaultOptions() {
            return NoOptions.INSTANCE;
        }

        @Override
        public Set<TaskKind> supportedKinds() {
            return Set.of(TaskKind.DEPTH);
        }

        @Override
        public Metric create(NoOptions options, TaskSpec task) {
            throw new UnsupportedOperationException();
        }
    }

    /** First provider named "twin". */
    public static final class TwinA extends NamedMetric {
        @Override
        public String name() {
            return "twin";
        }
    }

    /** Second provider named "twin". */
    public static final class TwinB extends NamedMetric {
        @Override
        public String name() {
            return "twin";
        }
    }

    /** A provider named "single". */
    public static final class Single extends NamedMetric {
        @Override
        public String name() {
            return "single";
        }
    }

    /** A class loader that sees exactly the given provider classes through META-INF/services. */
    private static ClassLoader withServices(Path dir, Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(MetricProvider.class.getName()), lines, StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginCatalogTest.class.getClassLoader());
    }

    @Test
    void refusesTwoProvidersWithOneNameFoundOnTheClassPath(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, TwinA.class, TwinB.class);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PluginCatalog.discover(MetricProvider.class, loader));
        assertTrue(e.getMessage().contains("'twin'"), e.getMessage());
        assertTrue(e.getMessage().contains(TwinA.class.getName()) && e.getMessage().contains(TwinB.class.getName()), e.getMessage());
    }

    @Test
    void findsProvidersByNameAndListsThemForAnUnknownName(@TempDir Path dir) throws IOException {
        PluginCatalog<MetricProvider> catalog = PluginCatalog.discover(MetricProvider.class, withServices(dir, Single.class, TwinA.class));
        assertEquals(List.of("single", "twin"), catalog.names());
        assertEquals(Single.class, catalog.get("single").getClass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.get("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("single, twin"), e.getMessage());
    }

    @Test
    void reportsAProviderThatCannotBeLoaded(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(MetricProvider.class.getName()), "org.example.Missing\n");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginCatalog.discover(MetricProvider.class, loader));
        assertTrue(e.getMessage().contains("org.example.Missing"), e.getMessage());
    }
}
