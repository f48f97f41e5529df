package org.mtan4j.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mtan4j.api.text.Suggestions;

/**
 * The providers of one extension point found on a class path, by name.
 *
 * <p>Discovery fails fast: two providers with one name are refused, naming both classes, and a
 * provider that cannot be loaded is reported with its class.
 *
 * @param <P> the provider interface, e.g. {@link MetricProvider} (raw, as {@code MetricProvider.class} is)
 */
@SuppressWarnings("rawtypes")
public final class PluginCatalog<P extends PluginProvider> {

    private final Class<P> kind;
    private final Map<String, P> byName;

    private PluginCatalog(Class<P> kind, Map<String, P> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Discovers every provider of {@code kind} visible to {@code loader} through
     * {@code META-INF/services}.
     *
     * @throws IllegalStateException when two providers share a name or one cannot be loaded
     */
    public static <P extends PluginProvider> PluginCatalog<P> discover(Class<P> kind, ClassLoader loader) {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(loader, "loader is null");
        List<P> found = new ArrayList<>();
        try {
            for (P provider : ServiceLoader.load(kind, loader)) {
                found.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a " + kind.getSimpleName() + ": " + e.getMessage(), e);
        }
        return of(kind, found);
    }

    /**
     * A catalog of the given providers (tests, or providers registered by code).
     *
     * @throws IllegalStateException when two providers share a name
     */
    public static <P extends PluginProvider> PluginCatalog<P> of(Class<P> kind, List<? extends P> providers) {
        Map<String, P> byName = new TreeMap<>();
        for (P provider : providers) {
            String name = Objects.requireNonNull(provider.name(), () -> provider.getClass().getName() + ".name() is null");
            P previous = byName.putIfAbsent(name, provider);
            if (previous != null) {
                throw new IllegalStateException("two " + kind.getSimpleName() + "s are named '" + name + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of their jars from the class path");
            }
        }
        return new PluginCatalog<>(kind, byName);
    }

    /** The extension point this catalog holds. */
    public Class<P> kind() {
        return kind;
    }

    /** Every provider by name, sorted by name. */
    public Map<String, P> all() {
        return byName;
    }

    /** The sorted names. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The provider named {@code name}.
     *
     * @throws IllegalArgumentException naming what exists when there is none
     */
    public P get(String name) {
        P provider = byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown " + kind.getSimpleName().replace("Provider", "").toLowerCase()
                    + " '" + name + "'" + Suggestions.hint(name, byName.keySet()) + "; available: "
                    + (byName.isEmpty() ? "(none found on the class path)" : String.join(", ", byName.keySet())));
        }
        return provider;
    }
}
