package org.mtan4j.datasets.cityscapes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.arrays.ArrayFolderDataset;
import org.mtan4j.datasets.arrays.ArrayTask;

/**
 * The {@code cityscapes} dataset over the paper's pre-processed release:
 * {@code <root>/<split>/{image,label_2,label_7,label_19,depth}/<index>.npy}, little-endian float32,
 * C order; image (H, W, 3) in [0, 1], labels (H, W) with 0..classes-1 and -1 for ignored pixels,
 * depth (H, W, 1) holding inverse depth (disparity-like: larger is nearer), 0 where unknown.
 * Channels move first. No augmentation: the paper trains CityScapes without it.
 *
 * <p>Thread-safe: immutable state plus per-thread scratch buffers.
 */
final class CityscapesDataset extends ArrayFolderDataset {

    private final ThreadLocal<float[][]> scratch;

    CityscapesDataset(CityscapesOptions options) throws IOException {
        super(CityscapesDatasetProvider.NAME, Path.of(options.root()), options.height(), options.width(), arrays(options));
        int plane = options.height() * options.width();
        // Per thread: the image as read (H, W, 3), the image channels-first, a label and a depth plane.
        this.scratch = ThreadLocal.withInitial(() -> new float[][] {new float[3 * plane], new float[3 * plane],
            new float[plane], new float[plane]});
    }

    /** The selected tasks: {@code semantic} reads {@code label_<classes>/}, {@code depth} reads {@code depth/}. */
    static List<ArrayTask> arrays(CityscapesOptions options) {
        return options.tasks().stream().map(t -> "semantic".equals(t)
                ? new ArrayTask(TaskSpec.segmentation("semantic", options.classes()), "label_" + options.classes(), 0, "label")
                : new ArrayTask(TaskSpec.depth("depth"), "depth", 1, "inverse depth")).toList();
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        checkIndex(split, index);
        float[][] s = scratch.get();
        channelsFirst(readImage(split, index, s[0]), s[1], 3);
        NDList targets = new NDList(arrays().size());
        for (ArrayTask task : arrays()) {
            targets.add(target(manager, task, readTarget(task, split, index, task.channels() == 0 ? s[2] : s[3])));
        }
        return new Sample(manager.create(s[1], new Shape(3, height(), width())), targets);
    }
}
