/**
 * ResNet-MTAN's own building block with the reference's initialisation and PyTorch names: torchvision's
 * bottleneck. The attention layer, layer factories, initialisers and resize are the building blocks'
 * ({@link org.mtan4j.blocks}).
 */
package org.mtan4j.plugins.resnetmtan.nn;
