/**
 * The MTAN scaffolding that ResNet-MTAN and WRN-MTAN share: per-task attention paths over a shared
 * trunk's stages ({@link org.mtan4j.blocks.mtan.TaskAttentionNetwork}) and the backbone around such a
 * network ({@link org.mtan4j.blocks.mtan.TaskAttentionBackbone}). Each plugin keeps its own trunk,
 * naming and initialisation order.
 */
package org.mtan4j.blocks.mtan;
