package org.mtan4j.runtime.config;

/**
 * A configuration that cannot run, with the key path at fault ({@code training.batch-size},
 * {@code backbone.options.filters[2]}) and what is allowed there.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String keyPath;
    private final String problem;

    /**
     * @param source the file (or {@code --set}) the value came from; may be null
     * @param keyPath the dotted key path; empty for the whole document
     * @param problem what is wrong and what is allowed
     */
    public ConfigException(String source, String keyPath, String problem) {
        this(source, keyPath, problem, null);
    }

    /** As {@link #ConfigException(String, String, String)}, keeping the cause. */
    public ConfigException(String source, String keyPath, String problem, Throwable cause) {
        super((source == null ? "" : source + ": ") + (keyPath == null || keyPath.isEmpty() ? "" : keyPath + ": ") + problem, cause);
        this.source = source;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
    }

    /** The file the value came from, or null. */
    public String source() {
        return source;
    }

    /** The dotted key path at fault. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** The same problem attributed to {@code newSource}. */
    public ConfigException withSource(String newSource) {
        return new ConfigException(newSource, keyPath, problem, getCause());
    }
}
