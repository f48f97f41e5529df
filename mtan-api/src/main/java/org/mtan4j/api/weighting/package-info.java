/**
 * Bases for {@link org.mtan4j.api.Weighting} implementations, bundled or third-party: a new method
 * extends the one of its form and writes only what is its own.
 *
 * <ul>
 *   <li>{@link org.mtan4j.api.weighting.LossWeighting}: the loss is {@code sum_k lambda_k L_k} with
 *       weights fixed for the step; a subclass decides {@code lambda} (equal, DWA, RLW).</li>
 *   <li>{@link org.mtan4j.api.weighting.GradientWeighting}: the shared gradient is {@code sum_k w_k g_k}
 *       of the per-task gradients, with {@code w} decided from their Gram matrix; a subclass decides
 *       {@code w} (PCGrad, MGDA, CAGrad, IMTL, ...) and may transform the losses first, inspect the
 *       gradients or add a backward pass of its own.</li>
 *   <li>{@link org.mtan4j.api.weighting.AbstractWeighting}: what both hold (the tasks, the loss check,
 *       the reported weights), for a method of another form.</li>
 * </ul>
 *
 * The contract test kit ({@code mtan-testkit}'s {@code WeightingContract}) checks that the shared
 * gradient a method writes is {@code sum_k w_k g_k} with the weights it reports, which both bases
 * guarantee by construction.
 */
package org.mtan4j.api.weighting;
