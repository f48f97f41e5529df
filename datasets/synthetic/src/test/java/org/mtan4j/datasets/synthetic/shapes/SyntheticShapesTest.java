package org.mtan4j.datasets.synthetic.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;

/** The class is what tells the images of a domain apart. */
class SyntheticShapesTest {

    private static final SyntheticShapesProvider PROVIDER = new SyntheticShapesProvider();

    @Test
    void aColourDomainsClassIsTheOneChannelAtFullIntensity() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); MultiTaskDataset data = PROVIDER.open(new SyntheticShapesOptions("colour", 30, 5, 32, 0L))) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                Sample sample = data.get(manager, MultiTaskDataset.TRAIN, i, 0L);
                int label = (int) sample.targets().get(0).getFloat();
                seen.add(label);
                for (int c = 0; c < 3; c++) {
                    float max = sample.image().get(new NDIndex("{}", c)).max().getFloat();
                    assertEquals(c == label, max == 1f, "image " + i + " of class " + label + ", channel " + c + " peaks at " + max);
                }
            }
            assertEquals(Set.of(0, 1, 2), seen, "every class occurs");
        }
    }

    @Test
    void aPositionDomainsClassIsTheBrighterHalf() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); MultiTaskDataset data = PROVIDER.open(new SyntheticShapesOptions("position", 20, 5, 32, 1L))) {
            for (int i = 0; i < 20; i++) {
                Sample sample = data.get(manager, MultiTaskDataset.TRAIN, i, 0L);
                NDArray image = sample.image();
                float left = image.get(new NDIndex(":, :, :16")).sum().getFloat();
                float right = image.get(new NDIndex(":, :, 16:")).sum().getFloat();
                assertEquals(sample.targets().get(0).getFloat() == 0f, left > right, "image " + i);
            }
        }
    }

    @Test
    void splitsAndSeedsGiveOtherImages() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiTaskDataset a = PROVIDER.open(new SyntheticShapesOptions("shape", 4, 4, 16, 0L));
            MultiTaskDataset b = PROVIDER.open(new SyntheticShapesOptions("shape", 4, 4, 16, 1L));
            NDArray train = a.get(manager, MultiTaskDataset.TRAIN, 0, 0L).image();
            assertNotEquals(train, a.get(manager, MultiTaskDataset.VAL, 0, 0L).image(), "train and val differ");
            assertNotEquals(train, b.get(manager, MultiTaskDataset.TRAIN, 0, 0L).image(), "another seed, other images");
            assertEquals(train, a.get(manager, MultiTaskDataset.TRAIN, 0, 99L).image(), "not augmented: the sample seed is ignored");
        }
    }

    @Test
    void optionsNameWhatIsWrong() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> new SyntheticShapesOptions("size", 4, 4, 16, 0L));
        assertTrue(kind.getMessage().startsWith("kind must be one of [colour, shape, position]"), kind.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticShapesOptions("shape", 0, 4, 16, 0L))
                .getMessage().startsWith("train-size"));
        assertEquals(4, new SyntheticShapesOptions("shape", 1, 1, 16, 0L).classes());
    }
}
