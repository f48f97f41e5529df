/** Tests of the exact pooling and resizing. */
package org.mtan4j.blocks.sampling;
