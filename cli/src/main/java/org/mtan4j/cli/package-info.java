/**
 * The {@code mtan} command (picocli): {@code train}, {@code validate} (optionally {@code --no-data}),
 * {@code plugins}, {@code report} (the paper's comparison table from run directories, with Delta_MTL and
 * charts) and {@code sweep} (a base config times a grid, planned or run with restart). Only
 * {@link org.mtan4j.cli.Main#main} exits the JVM; commands return exit codes (0 ok, 2 bad usage or
 * configuration, 1 failure).
 *
 * <p>Weights: {@code import-weights}, {@code export-weights} (PyTorch state_dict {@code .npz} to and from
 * our checkpoints) and {@code predict} share {@link org.mtan4j.cli.ModelSource} ({@code --config} or
 * {@code --run}); their bad inputs ({@link org.mtan4j.cli.BadInput}) exit 2 naming the file.
 *
 * <p>{@code bench} times a config's model (training step and inference, through the runtime's
 * {@link org.mtan4j.runtime.training.StepBench}); {@code data bench} times a dataset's loading.
 */
package org.mtan4j.cli;
