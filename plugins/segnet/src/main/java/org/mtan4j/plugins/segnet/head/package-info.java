/**
 * The SegNet prediction heads of the paper (models.md, "Building blocks", Prediction head):
 * {@link org.mtan4j.plugins.segnet.head.SegNetHead} (one per task; the same head serves single, split,
 * MTAN and the other SegNet models) and {@link org.mtan4j.plugins.segnet.head.SegNetHeadBlock} (its
 * network). Their activations and the NYUv2 losses ("Losses, metrics, training") are the building
 * blocks' {@link org.mtan4j.blocks.head.OutputActivation} and {@link org.mtan4j.blocks.head.DenseLosses}.
 */
package org.mtan4j.plugins.segnet.head;
