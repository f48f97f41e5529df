/**
 * What the image-classification datasets read from folders of JPEG/PNG files share (the Visual
 * Decathlon, Office-31, Office-Home): strict decoding into 8-bit RGB as PIL's {@code convert('RGB')}
 * gives it ({@link org.mtan4j.datasets.images.Images}), Pillow's antialiasing bilinear resize that
 * torchvision's {@code Resize} calls ({@link org.mtan4j.datasets.images.PilResize}), and ImageFolder's
 * class-folder order and normalisation ({@link org.mtan4j.datasets.images.ImageFolders}). A library,
 * not a plugin: each dataset module registers its own provider.
 */
package org.mtan4j.datasets.images;
