/** Tests of the SegNet heads and losses. */
package org.mtan4j.plugins.segnet.head;
