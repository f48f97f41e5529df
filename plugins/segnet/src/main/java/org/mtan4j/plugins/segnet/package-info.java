/**
 * The SegNet plugins of mtan4j: the {@code split} backbone
 * ({@link org.mtan4j.plugins.segnet.SplitBackboneProvider}) and the SegNet task heads
 * {@code segnet-semantic}, {@code segnet-depth} and {@code segnet-normal}
 * ({@link org.mtan4j.plugins.segnet.SemanticHeadProvider},
 * {@link org.mtan4j.plugins.segnet.DepthHeadProvider},
 * {@link org.mtan4j.plugins.segnet.NormalHeadProvider}), registered for {@link java.util.ServiceLoader}.
 *
 * <p>The networks live in {@link org.mtan4j.plugins.segnet.backbone} and
 * {@link org.mtan4j.plugins.segnet.head}; the reusable layers (conv unit, exact max-pool with indices
 * and unpool, initialisation, PyTorch names) in {@link org.mtan4j.plugins.segnet.nn}. Everything
 * follows Liu et al., "End-to-End Multi-Task Learning with Attention" (CVPR 2019) as measured in
 * {@code shared/reference/models.md}.
 */
package org.mtan4j.plugins.segnet;
