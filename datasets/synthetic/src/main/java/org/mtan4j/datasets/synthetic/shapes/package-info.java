/**
 * The {@code synthetic-shapes} dataset: one small image-classification domain of coloured shapes,
 * rendered from the index, for trying many-to-many training (one dataset per task, as the Visual
 * Decathlon) without downloading anything.
 *
 * <p>A run lists several of these, one per {@code kind}, each a domain with its own class set:
 * {@code colour} (3 classes: red, green, blue), {@code shape} (4 classes: horizontal bar, vertical bar,
 * square, cross) and {@code position} (2 classes: left or right half). Entry points:
 * {@link org.mtan4j.datasets.synthetic.shapes.SyntheticShapesProvider} and
 * {@link org.mtan4j.datasets.synthetic.shapes.SyntheticShapesOptions}.
 */
package org.mtan4j.datasets.synthetic.shapes;
