/**
 * WRN-MTAN's own building block with PyTorch's default initialisation and the reference's PyTorch
 * names: the pre-activation wide block. The attention layer, the shared conv unit and the layer
 * factories are the building blocks' ({@link org.mtan4j.blocks}).
 */
package org.mtan4j.plugins.wrnmtan.nn;
