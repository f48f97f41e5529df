package org.mtan4j.datasets.synthetic;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;

/**
 * The {@code synthetic} dataset: every sample is rendered on demand from a scene drawn with a random
 * generator seeded by (scene seed, split, index). It holds no mutable state, so {@link #get} is
 * thread-safe, and no files, so nothing needs closing.
 */
final class SyntheticDataset implements MultiTaskDataset {

    private static final List<TaskSpec> TASKS = List.of(
            TaskSpec.segmentation("semantic", NyuClass.COUNT), TaskSpec.depth("depth"), TaskSpec.normal("normal"));
    private static final List<String> SPLITS = List.of(TRAIN, VAL);
    /** Salts that keep the splits' random streams apart. */
    private static final long TRAIN_SALT = 0x5DEECE66DL;
    private static final long VAL_SALT = 0x2545F4914F6CDD1DL;
    private static final long FLIP_SALT = 0x632BE59BD9B4E019L;

    private final SyntheticOptions options;

    SyntheticDataset(SyntheticOptions options) {
        this.options = options;
    }

    @Override
    public List<TaskSpec> tasks() {
        return TASKS;
    }

    @Override
    public Shape imageShape() {
        return new Shape(3, options.height(), options.width());
    }

    @Override
    public List<String> splits() {
        return SPLITS;
    }

    @Override
    public int size(String split) {
        if (TRAIN.equals(split)) {
            return options.trainSize();
        }
        if (VAL.equals(split)) {
            return options.valSize();
        }
        throw new IllegalArgumentException("unknown split '" + split + "'; the synthetic dataset has " + SPLITS);
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) {
        Frame frame = render(split, index);
        if (options.augment() && TRAIN.equals(split) && flips(seed)) {
            frame = frame.flipped();
        }
        int h = options.height();
        int w = options.width();
        NDList targets = new NDList(
                manager.create(frame.labels(), new Shape(h, w)),
                manager.create(frame.depth(), new Shape(1, h, w)),
                manager.create(frame.normals(), new Shape(3, h, w)));
        return new Sample(manager.create(frame.rgb(), new Shape(3, h, w)), targets);
    }

    /** The un-augmented sample {@code index} of {@code split} as float arrays. */
    Frame render(String split, int index) {
        int size = size(split);
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split
                    + "' of size " + size);
        }
        SplittableRandom rnd = new SplittableRandom(sampleSeed(options.sceneSeed(), split, index));
        Scene scene = SceneGenerator.generate(rnd);
        return Renderer.render(scene, options.height(), options.width(), rnd);
    }

    /** Whether the augmentation seed asks for a horizontal flip. */
    static boolean flips(long seed) {
        return (mix64(seed ^ FLIP_SALT) & 1L) != 0;
    }

    /** The seed of one sample: the scene seed, split and index mixed so that neighbours are unrelated. */
    static long sampleSeed(long sceneSeed, String split, int index) {
        long salt = TRAIN.equals(split) ? TRAIN_SALT : VAL_SALT;
        return mix64(mix64(sceneSeed ^ salt) + 0x9E3779B97F4A7C15L * (index + 1L));
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijective, well-mixing 64-bit hash. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
