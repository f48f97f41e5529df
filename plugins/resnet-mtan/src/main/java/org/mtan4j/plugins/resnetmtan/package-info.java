/**
 * ResNet-MTAN (models.md, "ResNet-MTAN (DeepLabv3, NYUv2)"): the {@code resnet-mtan} backbone and the
 * {@code deeplab} task head, with the reference's PyTorch names for weight import and export.
 */
package org.mtan4j.plugins.resnetmtan;
