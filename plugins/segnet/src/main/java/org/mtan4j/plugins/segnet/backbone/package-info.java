/**
 * SegNet networks built from {@link org.mtan4j.plugins.segnet.nn}: the encoder-decoder trunk every
 * SegNet model of the paper shares ({@link org.mtan4j.plugins.segnet.backbone.SegNetTrunk}, with all
 * intermediate maps available through {@link org.mtan4j.plugins.segnet.backbone.SegNetTrace} for
 * models that attach to them, such as MTAN) and the split backbone
 * ({@link org.mtan4j.plugins.segnet.backbone.SplitBackbone}).
 *
 * <p>Architecture and numbers: {@code shared/reference/models.md}, "SegNet backbone" and "Variants".
 */
package org.mtan4j.plugins.segnet.backbone;
