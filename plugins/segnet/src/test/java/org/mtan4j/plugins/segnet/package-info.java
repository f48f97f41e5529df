/** Tests of the SegNet plugins: providers, contracts, parameter counts and names. */
package org.mtan4j.plugins.segnet;
