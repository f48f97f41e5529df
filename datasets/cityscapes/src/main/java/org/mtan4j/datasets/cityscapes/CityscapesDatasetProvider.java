package org.mtan4j.datasets.cityscapes;

import org.mtan4j.datasets.arrays.ArrayFolderDatasetProvider;

/**
 * Provider of the {@code cityscapes} dataset: the paper's pre-processed CityScapes release at
 * 128x256 (or 256x512) with tasks {@code semantic} (2, 7 or 19 classes, -1 ignored) and
 * {@code depth} (inverse depth, 0 unknown). See {@link CityscapesOptions}.
 */
public final class CityscapesDatasetProvider extends ArrayFolderDatasetProvider<CityscapesOptions> {

    /** The provider's name, the YAML key. */
    public static final String NAME = "cityscapes";

    /** Creates the provider; stateless and cheap. */
    public CityscapesDatasetProvider() {
        super(NAME, "The paper's pre-processed CityScapes (.npy files): 2/7/19-class semantics and inverse depth.",
                CityscapesOptions.class, CityscapesOptions.DEFAULTS, CityscapesDataset::arrays, CityscapesDataset::new);
    }
}
