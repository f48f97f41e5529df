package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;

/**
 * What every {@link DatasetProvider} must do: samples that match the declared tasks and shapes, valid
 * target values, bit-identical samples for the same split, index and seed, and clear errors for
 * indexes out of range.
 *
 * @param <O> the provider's options
 */
public abstract class DatasetContract<O> extends ContractSupport {

    /** The provider under test. */
    protected abstract DatasetProvider<O> provider();

    /** Options for a small dataset (fixtures written by the test, or a few rendered samples). */
    protected abstract O smallOptions() throws Exception;

    /** How many samples per split the contract reads (at most the split's size). */
    protected int samplesToCheck() {
        return 3;
    }

    @Test
    void describesItself() {
        assertDescribesItself(provider());
    }

    @Test
    void samplesMatchTheTaskSpecs() throws Exception {
        try (MultiTaskDataset dataset = provider().open(smallOptions())) {
            List<TaskSpec> tasks = dataset.tasks();
            assertFalse(tasks.isEmpty(), "at least one task");
            Set<String> names = new HashSet<>();
            tasks.forEach(t -> assertTrue(names.add(t.name()), "task names are unique: " + t.name()));
            assertTrue(dataset.splits().contains(MultiTaskDataset.TRAIN), "has a train split");
            assertTrue(dataset.splits().contains(MultiTaskDataset.VAL), "has a val split");
            Shape image = dataset.imageShape();
            assertEquals(3, image.dimension(), "imageShape is (C, H, W)");
            for (String split : dataset.splits()) {
                assertTrue(dataset.size(split) > 0, split + " is not empty");
                for (int i = 0; i < Math.min(samplesToCheck(), dataset.size(split)); i++) {
                    Sample sample = dataset.get(manager, split, i, 11L);
                    String where = split + "[" + i + "]";
                    assertEquals(image, sample.image().getShape(), where + " image shape");
                    assertEquals(DataType.FLOAT32, sample.image().getDataType(), where + " image dtype");
                    assertTrue(isFinite(sample.image()), where + " image is finite");
                    assertEquals(tasks.size(), sample.targets().size(), where + " one target per task");
                    for (int t = 0; t < tasks.size(); t++) {
                        checkTarget(tasks.get(t), sample.targets().get(t), image, where + " " + tasks.get(t).name());
                    }
                }
            }
        }
    }

    private static boolean isFinite(NDArray a) {
        return a.isNaN().logicalOr(a.isInfinite()).none().getBoolean();
    }

    private static void checkTarget(TaskSpec task, NDArray target, Shape image, String where) {
        long h = image.get(1);
        long w = image.get(2);
        assertTrue(isFinite(target), where + " is finite");
        switch (task.kind()) {
            case SEGMENTATION: {
                assertEquals(new Shape(h, w), target.getShape(), where + " shape");
                NDArray valid = target.gte(0f).logicalAnd(target.lt((float) task.classes()));
                NDArray ignored = target.eq((float) task.ignoreValue());
                assertTrue(valid.logicalOr(ignored).all().getBoolean(), where + ": labels in [0, classes) or the ignore value");
                assertTrue(target.eq(target.round()).all().getBoolean(), where + ": integral labels");
                break;
            }
            case DEPTH:
                assertEquals(new Shape(1, h, w), target.getShape(), where + " shape");
                assertTrue(target.gte(0f).all().getBoolean(), where + ": depth >= 0 (0 = unknown)");
                break;
            case NORMAL: {
                assertEquals(new Shape(3, h, w), target.getShape(), where + " shape");
                // Unit or zero as stored; the paper's augmentation resizes bilinearly without
                // re-normalising, which shortens normals at edges, so only "at most unit" is universal.
                NDArray norm = target.square().sum(new int[] {0}).sqrt();
                assertTrue(norm.lte(1f + 1e-3f).all().getBoolean(), where + ": normals of length at most 1");
                break;
            }
            case CLASSIFICATION:
                assertEquals(new Shape(), target.getShape(), where + " shape");
                float c = target.getFloat();
                assertTrue(c >= 0 && c < task.classes() && c == Math.rint(c), where + ": class index in range");
                break;
            default:
                throw new AssertionError(task.kind());
        }
    }

    /** What {@code describe} declares without data must be what {@code open} finds (mtan validate --no-data relies on it). */
    @Test
    void aDescriptionAgreesWithTheOpenedDataset() throws Exception {
        O options = smallOptions();
        java.util.Optional<org.mtan4j.api.DatasetDescription> described = provider().describe(options);
        if (described.isEmpty()) {
            return; // declaring nothing is allowed: such a dataset is validated by opening it
        }
        try (MultiTaskDataset dataset = provider().open(options)) {
            assertEquals(dataset.tasks(), described.get().tasks(), "described tasks");
            assertEquals(dataset.imageShape(), described.get().imageShape(), "described image shape");
        }
    }

    @Test
    void sameSplitIndexAndSeedGiveTheSameSample() throws Exception {
        try (MultiTaskDataset dataset = provider().open(smallOptions())) {
            for (String split : dataset.splits()) {
                int index = dataset.size(split) - 1;
                Sample a = dataset.get(manager, split, index, 5L);
                Sample b = dataset.get(manager, split, index, 5L);
                assertEquals(a.image(), b.image(), split + " image");
                for (int t = 0; t < a.targets().size(); t++) {
                    assertEquals(a.targets().get(t), b.targets().get(t), split + " target " + t);
                }
            }
        }
    }

    @Test
    void refusesIndexesOutOfRangeAndUnknownSplits() throws Exception {
        try (MultiTaskDataset dataset = provider().open(smallOptions())) {
            int size = dataset.size(MultiTaskDataset.TRAIN);
            assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(manager, MultiTaskDataset.TRAIN, size, 0L));
            assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(manager, MultiTaskDataset.TRAIN, -1, 0L));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.size("no-such-split"));
            assertTrue(e.getMessage().contains("no-such-split"), "the message names the split: " + e.getMessage());
            IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> dataset.get(manager, "no-such-split", 0, 0L));
            assertTrue(g.getMessage().contains("no-such-split"), "the message names the split: " + g.getMessage());
        }
    }
}
