/** Tests of the {@code synthetic-shapes} dataset. */
package org.mtan4j.datasets.synthetic.shapes;
