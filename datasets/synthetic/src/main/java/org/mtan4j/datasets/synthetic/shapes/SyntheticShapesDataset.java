package org.mtan4j.datasets.synthetic.shapes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;

/**
 * One domain of {@code synthetic-shapes}: each image is a shape on a noisy dark background, drawn from
 * a generator seeded by the seed, the split and the index. The class decides the shape's colour, form or
 * side, depending on the kind; the other properties are random, so only the class tells the images apart.
 */
final class SyntheticShapesDataset implements MultiTaskDataset {

    private static final float[][] COLOURS = {{1f, 0.1f, 0.1f}, {0.1f, 1f, 0.1f}, {0.1f, 0.2f, 1f}};
    private static final int FORMS = 4;

    private final SyntheticShapesOptions options;
    /** What the provider describes: the one task and the image shape. */
    private final DatasetDescription description;

    SyntheticShapesDataset(SyntheticShapesOptions options) {
        this.options = options;
        this.description = SyntheticShapesProvider.description(options);
    }

    @Override
    public List<TaskSpec> tasks() {
        return description.tasks();
    }

    @Override
    public Shape imageShape() {
        return description.imageShape();
    }

    @Override
    public List<String> splits() {
        return List.of(TRAIN, VAL);
    }

    @Override
    public int size(String split) {
        return switch (split) {
            case TRAIN -> options.trainSize();
            case VAL -> options.valSize();
            default -> throw new IllegalArgumentException("no split '" + split + "'; splits: " + splits());
        };
    }

    /** Not augmented: the seed is ignored, the image depends on the options' seed, the split and the index. */
    @Override
    public Sample get(NDManager manager, String split, int index, long seed) {
        int n = size(split);
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " of split '" + split + "' (size " + n + ")");
        }
        // Distinct streams per split and index; the split's name keeps train and val images apart.
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + split.hashCode() * 0xBF58476D1CE4E5B9L
                + index * 0x94D049BB133111EBL + options.kind().hashCode());
        int label = random.nextInt(options.classes());
        float[] image = render(label, random);
        int s = options.size();
        return new Sample(manager.create(image, new Shape(3, s, s)), new NDList(manager.create((float) label)));
    }

    private float[] render(int label, SplittableRandom random) {
        int s = options.size();
        float[] image = new float[3 * s * s];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextDouble(0, 0.3);
        }
        String kind = options.kind();
        int colour = kind.equals("colour") ? label : random.nextInt(COLOURS.length);
        int form = kind.equals("shape") ? label : random.nextInt(FORMS);
        int r = s / 4 + random.nextInt(2);
        int jitter = Math.max(1, s / 8);
        int cx = kind.equals("position") ? (label == 0 ? s / 4 : 3 * s / 4) + random.nextInt(3) - 1
                : s / 2 + random.nextInt(2 * jitter) - jitter;
        int cy = s / 2 + random.nextInt(2 * jitter) - jitter;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (inside(form, x - cx, y - cy, r)) {
                    for (int c = 0; c < 3; c++) {
                        image[c * s * s + y * s + x] = COLOURS[colour][c];
                    }
                }
            }
        }
        return image;
    }

    /** Whether offset {@code (dx, dy)} from the centre is in form {@code form} of half-size {@code r}. */
    private static boolean inside(int form, int dx, int dy, int r) {
        int ax = Math.abs(dx);
        int ay = Math.abs(dy);
        return switch (form) {
            case 0 -> ax <= r && ay <= r / 3;
            case 1 -> ax <= r / 3 && ay <= r;
            case 2 -> ax <= r && ay <= r;
            default -> (ax <= r / 3 && ay <= r) || (ay <= r / 3 && ax <= r);
        };
    }
}
