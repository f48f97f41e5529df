/** Tests of weight import, export and checkpoints. */
package org.mtan4j.runtime.weights;
