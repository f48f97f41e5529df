/** Tests of prediction inputs and pictures. */
package org.mtan4j.runtime.predict;
