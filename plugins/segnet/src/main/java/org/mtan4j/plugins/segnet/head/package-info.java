/**
 * The SegNet prediction heads and the NYUv2 losses of the paper (models.md, "Building blocks",
 * Prediction head, and "Losses, metrics, training"): {@link org.mtan4j.plugins.segnet.head.SegNetHead}
 * (one per task; the same head serves single, split, MTAN and the other SegNet models),
 * {@link org.mtan4j.plugins.segnet.head.SegNetHeadBlock} (its network),
 * {@link org.mtan4j.plugins.segnet.head.OutputActivation} and
 * {@link org.mtan4j.plugins.segnet.head.SegNetLosses}.
 */
package org.mtan4j.plugins.segnet.head;
