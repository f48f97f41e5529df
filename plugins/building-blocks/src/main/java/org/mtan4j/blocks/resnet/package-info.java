/**
 * torchvision's ResNet bottleneck ({@link org.mtan4j.blocks.resnet.Bottleneck}) and the dilated ResNet
 * trunk with output stride 8 ({@link org.mtan4j.blocks.resnet.DilatedResNet}, the reference's
 * {@code ResnetDilated(dilate_scale=8)}): ResNet-MTAN builds its trunk from them, and the
 * mixture-of-experts plugin uses the trunk as an encoder. Numbers: {@code shared/reference/models.md},
 * ResNet-MTAN.
 */
package org.mtan4j.blocks.resnet;
