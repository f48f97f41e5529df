/**
 * The {@code mtan} command (picocli): {@code train}, {@code validate}, {@code plugins}. Only
 * {@link org.mtan4j.cli.Main#main} exits the JVM; commands return exit codes (0 ok, 2 bad usage or
 * configuration, 1 failure).
 */
package org.mtan4j.cli;
