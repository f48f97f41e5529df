package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;

/**
 * Reads one split in batches, in the background: {@code prefetch} batches are prepared ahead by
 * {@code threads} loader threads. The order of samples is a pure function of the run's seed and the
 * epoch, and each sample's augmentation seed a pure function of the seed, the epoch and its index, so
 * the batches do not depend on the thread timing.
 */
public final class BatchLoader implements AutoCloseable {

    private final MultiTaskDataset dataset;
    private final int[] datasetTaskIndex;
    private final NDManager parent;
    private final ExecutorService executor;
    private final int prefetch;

    /**
     * @param dataset the data
     * @param datasetTaskIndex the dataset target of each run task
     * @param parent batches get sub-managers of this one (it fixes their device)
     * @param threads loader threads
     * @param prefetch batches prepared ahead
     */
    public BatchLoader(MultiTaskDataset dataset, int[] datasetTaskIndex, NDManager parent, int threads, int prefetch) {
        this.dataset = dataset;
        this.datasetTaskIndex = datasetTaskIndex.clone();
        this.parent = parent;
        this.prefetch = prefetch;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "mtan-loader-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** The sample order of {@code split} in {@code epoch}: shuffled for training, in order otherwise. */
    public static int[] order(int size, boolean shuffle, long seed, int epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(mix(seed, epoch, -1));
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        return order;
    }

    /** A well-spread 64-bit mix of the run seed, the epoch and a sample index. */
    public static long mix(long seed, int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The batches of {@code split} for {@code epoch}; the last batch may be smaller.
     *
     * @param shuffle whether to shuffle (training)
     */
    public Iterator<Batch> batches(String split, int batchSize, boolean shuffle, long seed, int epoch) {
        return batches(split, batchSize, shuffle, seed, epoch, 0);
    }

    /**
     * The shuffled batches of several splits for {@code epoch}, one split after the other (a task's
     * training split, then its validation split, with {@code training.train-on-val}); each split is
     * shuffled on its own, the first with {@code seed} as {@link #batches(String, int, boolean, long, int)}
     * shuffles it, so that a list of one split gives the same batches; from batch {@code first} of the
     * whole sequence on (a resumed epoch).
     */
    public Iterator<Batch> batches(List<String> splits, int batchSize, long seed, int epoch, int first) {
        return new Iterator<>() {
            private int opened;
            private int skip = first;
            private Iterator<Batch> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                // A split is only read (and prefetched) once the one before it is used up.
                while (!current.hasNext() && opened < splits.size()) {
                    String split = splits.get(opened);
                    int count = (dataset.size(split) + batchSize - 1) / batchSize;
                    int skipped = Math.min(skip, count);
                    skip -= skipped;
                    current = batches(split, batchSize, true, opened == 0 ? seed : mix(seed, -3, opened), epoch, skipped);
                    opened++;
                }
                return current.hasNext();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * The batches of {@code split} for {@code epoch} from batch {@code first} on: the same batches as
     * {@link #batches(String, int, boolean, long, int)} gives after its first {@code first} (a resumed epoch).
     */
    public Iterator<Batch> batches(String split, int batchSize, boolean shuffle, long seed, int epoch, int first) {
        int[] order = order(dataset.size(split), shuffle, seed, epoch);
        List<int[]> groups = new ArrayList<>();
        for (int start = first * batchSize; start < order.length; start += batchSize) {
            int[] group = new int[Math.min(batchSize, order.length - start)];
            System.arraycopy(order, start, group, 0, group.length);
            groups.add(group);
        }
        return new Iterator<>() {
            private final List<Future<Batch>> pending = new ArrayList<>();
            private int submitted;
            private int taken;

            private void fill() {
                while (submitted < groups.size() && pending.size() < prefetch) {
                    int[] group = groups.get(submitted++);
                    pending.add(executor.submit(() -> load(split, group, seed, epoch)));
                }
            }

            @Override
            public boolean hasNext() {
                return taken < groups.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fill();
                Future<Batch> future = pending.remove(0);
                taken++;
                fill();
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading " + split, e);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException("loading " + split + " failed: " + cause.getMessage(), cause);
                }
            }
        };
    }

    private Batch load(String split, int[] indexes, long seed, int epoch) {
        NDManager manager = parent.newSubManager();
        try {
            NDList images = new NDList(indexes.length);
            List<NDList> targets = new ArrayList<>();
            for (int t = 0; t < datasetTaskIndex.length; t++) {
                targets.add(new NDList(indexes.length));
            }
            try (NDManager scratch = manager.newSubManager()) {
                for (int index : indexes) {
                    Sample sample = dataset.get(scratch, split, index, mix(seed, epoch, index));
                    images.add(sample.image());
                    for (int t = 0; t < datasetTaskIndex.length; t++) {
                        targets.get(t).add(sample.targets().get(datasetTaskIndex[t]));
                    }
                }
                NDArray stacked = NDArrays.stack(images);
                stacked.attach(manager);
                NDList stackedTargets = new NDList(targets.size());
                for (NDList target : targets) {
                    NDArray s = NDArrays.stack(target);
                    s.attach(manager);
                    stackedTargets.add(s);
                }
                return new Batch(manager, stacked, stackedTargets, indexes.length);
            }
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
