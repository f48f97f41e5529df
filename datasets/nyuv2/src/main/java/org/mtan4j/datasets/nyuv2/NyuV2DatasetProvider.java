package org.mtan4j.datasets.nyuv2;

import org.mtan4j.datasets.arrays.ArrayFolderDatasetProvider;

/**
 * Provider of the {@code nyuv2} dataset: the paper's pre-processed NYUv2 release (795 training and
 * 654 validation images at 288x384) with tasks {@code semantic} (13 classes, -1 ignored),
 * {@code depth} and {@code normal}. See {@link NyuV2Options}.
 */
public final class NyuV2DatasetProvider extends ArrayFolderDatasetProvider<NyuV2Options> {

    /** The provider's name, the YAML key. */
    public static final String NAME = "nyuv2";

    /** Creates the provider; stateless and cheap. */
    public NyuV2DatasetProvider() {
        super(NAME, "The paper's pre-processed NYUv2 (.npy files): 13-class semantics, depth and normals, optional augmentation.",
                NyuV2Options.class, NyuV2Options.DEFAULTS, NyuV2Dataset::arrays, NyuV2Dataset::new);
    }
}
