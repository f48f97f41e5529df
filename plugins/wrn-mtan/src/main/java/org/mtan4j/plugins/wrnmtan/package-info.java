/**
 * WRN-MTAN for the Visual Decathlon (models.md, "WRN-MTAN"): the {@code wrn-mtan} backbone, the
 * {@code linear} classification head, the {@code top1} metric and the {@link
 * org.mtan4j.plugins.wrnmtan.DecathlonScore decathlon score}.
 */
package org.mtan4j.plugins.wrnmtan;
