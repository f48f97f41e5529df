/**
 * The bundled task weightings: how a training step's per-task losses become gradients. Formulas and
 * defaults follow LibMTL (median-research-group/LibMTL, weighting/*.py), TorchJD (TorchJD/torchjd,
 * aggregation/*.py: {@code dualproj}, {@code config}) and the papers cited per class.
 *
 * <ul>
 *   <li>Loss level, extending the API's {@link org.mtan4j.api.weighting.LossWeighting} (weights fixed for the step):
 *       {@code equal}, {@code dwa} (the MTAN paper's), {@code rlw}. Loss level with their own terms:
 *       {@code uncertainty} (learned log-variances), {@code gls} (geometric mean), {@code stch} (smooth
 *       Tchebycheff over a nadir point), {@code famo} (logits updated from the losses after the
 *       optimiser's step), on {@link org.mtan4j.api.weighting.AbstractWeighting}.</li>
 *   <li>Gradient level, extending the API's {@link org.mtan4j.api.weighting.GradientWeighting}: the shared gradient is
 *       {@code sum_k w_k g_k} with {@code w} decided from the Gram matrix of the per-task gradients
 *       (solved in Java doubles; {@code PseudoInverse}, {@code MinNormSolver}, {@code AlphaFair},
 *       {@code SimplexMinimizer}): {@code pcgrad}, {@code mgda}, {@code cagrad}, {@code imtl},
 *       {@code aligned-mtl}, {@code gradvac}, {@code gradnorm}, {@code nash-mtl}, {@code fairgrad},
 *       {@code upgrad}, {@code dualproj}, {@code config}, {@code modo}, {@code sdmgrad}, {@code rgw},
 *       {@code excess-mtl}; {@code db-mtl} and {@code moco} combine moving averages of the gradients
 *       ({@code TaskBuffers}).</li>
 *   <li>On representation gradients (LibMTL's {@code rep_grad}): {@code graddrop}, and {@code mgda}
 *       (MGDA-UB), {@code imtl} and {@code rgw} with {@code rep-grad: true}.</li>
 * </ul>
 *
 * Every weighting reports its effective per-task weights ({@link org.mtan4j.api.Weighting#taskWeights()}),
 * which the run records per epoch. Each has a small provider with an options record (LibMTL's defaults)
 * registered in {@code META-INF/services/org.mtan4j.api.WeightingProvider}.
 */
package org.mtan4j.plugins.weightings;
