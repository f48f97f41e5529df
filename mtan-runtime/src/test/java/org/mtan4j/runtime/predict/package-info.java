/** Tests of prediction inputs and pictures, and of the decathlon test protocol. */
package org.mtan4j.runtime.predict;
