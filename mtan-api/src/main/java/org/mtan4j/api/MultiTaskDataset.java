package org.mtan4j.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.List;

/**
 * Named splits of multi-task samples.
 *
 * <p>{@link #get} is deterministic: the same split, index and seed give the same sample, bit for
 * bit; the seed drives any augmentation (the runtime derives it from the run's seed, the epoch and
 * the index). It is called from several loader threads at once and must be thread-safe.
 */
public interface MultiTaskDataset extends AutoCloseable {

    /** The name of the split the runtime trains on. */
    String TRAIN = "train";

    /** The name of the split the runtime evaluates on each epoch. */
    String VAL = "val";

    /** The tasks every sample has a target for, in target order. */
    List<TaskSpec> tasks();

    /** One image's shape {@code (C, H, W)}. */
    Shape imageShape();

    /** The splits this dataset has; includes {@link #TRAIN} and {@link #VAL}. */
    List<String> splits();

    /**
     * Number of samples in {@code split}.
     *
     * @throws IllegalArgumentException for a split not in {@link #splits()}
     */
    int size(String split);

    /**
     * Reads or renders one sample, creating its arrays on {@code manager}.
     *
     * @param split one of {@link #splits()}
     * @param index from 0 to {@code size(split) - 1}
     * @param seed drives augmentation; ignored by splits that are not augmented
     * @throws IOException when the sample's files cannot be read; the message names the file
     */
    Sample get(NDManager manager, String split, int index, long seed) throws IOException;

    /**
     * Checks every file cheaply (e.g. headers and lengths, not values) so that a bad file stops a run
     * before it starts rather than hours into it. The runtime calls it once when it resolves a run
     * that reads data; the default checks nothing.
     *
     * @throws IOException naming the first bad file and what is wrong with it
     */
    default void checkFiles() throws IOException {
    }

    /** Releases files or caches; the default does nothing. */
    @Override
    default void close() {
    }
}
