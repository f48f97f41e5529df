/** Tests of the run directory and its recorder. */
package org.mtan4j.runtime.run;
