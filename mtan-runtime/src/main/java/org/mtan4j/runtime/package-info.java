/**
 * The runtime: finds plugins ({@link org.mtan4j.runtime.PluginRegistry}), checks a configuration against
 * them ({@link org.mtan4j.runtime.RunResolver}), and wires a run with Guice ({@link org.mtan4j.runtime.RunModule})
 * before the training package runs it. {@link org.mtan4j.runtime.Engines} starts DJL offline.
 */
package org.mtan4j.runtime;
