/** Tests of the SegNet building blocks. */
package org.mtan4j.plugins.segnet.nn;
