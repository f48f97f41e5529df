/**
 * The bundled task weightings: how a training step's per-task losses become gradients.
 *
 * <p>Today: {@code equal}, the plain sum of the task losses. Loss-level methods that rescale the
 * losses with per-step weights (DWA, random loss weighting, ...) extend the package's
 * {@code LossWeighting} and only decide the weights; methods with learned
 * terms (uncertainty) override its {@code combine}; gradient-level methods (PCGrad, MGDA, ...)
 * implement {@link org.mtan4j.api.Weighting#backward} directly on the
 * {@link org.mtan4j.api.WeightingContext}. Each has a small provider registered in
 * {@code META-INF/services/org.mtan4j.api.WeightingProvider}.
 */
package org.mtan4j.plugins.weightings;
