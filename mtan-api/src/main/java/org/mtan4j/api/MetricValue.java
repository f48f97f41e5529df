package org.mtan4j.api;

import java.util.Objects;

/**
 * One named metric result.
 *
 * @param name the metric's name, unique within its provider (e.g. {@code miou})
 * @param value the value; NaN when nothing was measured
 * @param direction whether higher or lower is better
 */
public record MetricValue(String name, double value, Direction direction) {

    /** Checks name and direction are given. */
    public MetricValue {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(direction, "direction is null");
    }
}
