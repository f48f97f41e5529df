/**
 * The SegNet plugins of mtan4j: every SegNet model of the paper as a backbone, and the SegNet task
 * heads, registered for {@link java.util.ServiceLoader}.
 *
 * <p>Backbones (YAML name, provider; options in parentheses):
 * <ul>
 *   <li>{@code single} ({@link org.mtan4j.plugins.segnet.SingleBackboneProvider}, {@code filters}):
 *       the one-task SegNet, exactly one task;</li>
 *   <li>{@code stan} ({@link org.mtan4j.plugins.segnet.StanBackboneProvider}, {@code filters}): MTAN
 *       with one task's attention branch, exactly one task;</li>
 *   <li>{@code split} ({@link org.mtan4j.plugins.segnet.SplitBackboneProvider}, {@code filters},
 *       {@code variant: standard | deep | wide}): one SegNet shared by all tasks;</li>
 *   <li>{@code dense} ({@link org.mtan4j.plugins.segnet.DenseBackboneProvider}, {@code filters}): a
 *       shared SegNet plus one SegNet per task reading it at every stage;</li>
 *   <li>{@code cross-stitch} ({@link org.mtan4j.plugins.segnet.CrossStitchBackboneProvider},
 *       {@code filters}): one SegNet per task mixed by cross-stitch units, at least two tasks;</li>
 *   <li>{@code mtan} ({@link org.mtan4j.plugins.segnet.MtanBackboneProvider}, {@code filters}): the
 *       Multi-Task Attention Network.</li>
 * </ul>
 * Filters default to the paper's {@code [64, 128, 256, 512, 512]}; images must be multiples of 32.
 * Heads: {@code segnet-semantic}, {@code segnet-depth} and {@code segnet-normal}
 * ({@link org.mtan4j.plugins.segnet.SemanticHeadProvider},
 * {@link org.mtan4j.plugins.segnet.DepthHeadProvider},
 * {@link org.mtan4j.plugins.segnet.NormalHeadProvider}).
 *
 * <p>The networks live in {@link org.mtan4j.plugins.segnet.backbone} and
 * {@link org.mtan4j.plugins.segnet.head}; the layers they share with other model families (conv unit,
 * attention layer, exact max-pool with indices and unpool, align-corners bilinear upsampling,
 * initialisation, PyTorch names, losses) in the building-blocks module, {@link org.mtan4j.blocks}.
 * Everything follows Liu et al., "End-to-End Multi-Task
 * Learning with Attention" (CVPR 2019) as measured in {@code shared/reference/models.md}; parameter
 * counts and {@code state_dict} names equal the reference's.
 */
package org.mtan4j.plugins.segnet;
