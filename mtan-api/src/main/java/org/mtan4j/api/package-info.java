/**
 * The stable service-provider interface of mtan4j: the five extension points a plugin implements
 * ({@link org.mtan4j.api.BackboneProvider}, {@link org.mtan4j.api.TaskHeadProvider},
 * {@link org.mtan4j.api.WeightingProvider}, {@link org.mtan4j.api.DatasetProvider},
 * {@link org.mtan4j.api.MetricProvider}) and the small value types they exchange.
 *
 * <p>Every provider is discovered with {@link java.util.ServiceLoader}: a plugin jar lists its
 * provider classes in {@code META-INF/services/<provider interface>}. The provider's
 * {@link org.mtan4j.api.PluginProvider#name() name} is the key a run's YAML uses; its options are a
 * record whose components the runtime fills from the YAML {@code options} map (kebab-case keys),
 * starting from {@link org.mtan4j.api.PluginProvider#defaultOptions()}. A provider may extend
 * {@link org.mtan4j.api.AbstractPluginProvider}, which takes the name, description, options type and
 * defaults in its constructor. A weighting may extend a base of {@link org.mtan4j.api.weighting}.
 *
 * <p>This module depends on DJL's {@code ai.djl:api} and nothing else. Stability: every public type
 * here is stable within a minor version; {@link org.mtan4j.api.WeightingContext} may gain methods
 * (with defaults) as gradient-level weightings arrive.
 */
package org.mtan4j.api;
