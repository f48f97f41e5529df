/** Tests of the staged encoders. */
package org.mtan4j.plugins.moe.encoder;
