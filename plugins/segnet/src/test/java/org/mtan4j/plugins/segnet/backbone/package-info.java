/** Tests of the SegNet networks. */
package org.mtan4j.plugins.segnet.backbone;
