/** Tests of WRN-MTAN: contracts, reference names and counts, forward pass, loss, metric, decathlon score. */
package org.mtan4j.plugins.wrnmtan;
