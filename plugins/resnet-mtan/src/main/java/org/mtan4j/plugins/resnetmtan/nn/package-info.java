/**
 * Building blocks of ResNet-MTAN with the reference's initialisation and PyTorch names: bottleneck,
 * attention layer, exact align-corners bilinear resize, layer factories.
 */
package org.mtan4j.plugins.resnetmtan.nn;
