/**
 * Example third-party weightings for mtan4j, registered in
 * {@code META-INF/services/org.mtan4j.api.WeightingProvider} and tested with the kit's
 * {@code WeightingContract} (module {@code mtan-testkit}): {@code example-geometric}, a loss-level method
 * written against {@link org.mtan4j.api.Weighting} directly, and {@code example-projection}, a
 * gradient-level method that extends {@link org.mtan4j.api.weighting.GradientWeighting}.
 */
package com.example.mtan.weighting;
