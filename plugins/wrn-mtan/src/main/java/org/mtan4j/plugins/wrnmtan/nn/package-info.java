/**
 * Building blocks of WRN-MTAN with PyTorch's default initialisation and the reference's PyTorch
 * names: pre-activation wide block, attention layer, shared conv unit, layer factories.
 */
package org.mtan4j.plugins.wrnmtan.nn;
