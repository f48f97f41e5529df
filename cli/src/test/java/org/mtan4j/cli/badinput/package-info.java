/**
 * The bad-input suite: one class per input surface (YAML config, command-line options, dataset files,
 * checkpoints, imported weights, prediction inputs). Each case feeds one malformed input to the real
 * {@code mtan} entry point and checks the exit code (2), that the message names the file and the key,
 * field or entry at fault, and that no watched file was written or changed. Cases are rows of a table
 * ({@link org.mtan4j.cli.badinput.Refusals}), so adding one is one entry.
 */
package org.mtan4j.cli.badinput;
