/** Tests of the mixture networks and their gates. */
package org.mtan4j.plugins.moe.network;
