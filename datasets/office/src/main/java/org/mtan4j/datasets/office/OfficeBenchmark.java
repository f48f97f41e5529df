package org.mtan4j.datasets.office;

import java.nio.file.Path;
import java.util.List;

/**
 * The two Office benchmarks: their domains, class counts and folder layouts, as the downloads unpack
 * and LibMTL's split lists ({@code examples/office/data_txt/}) name them.
 */
public enum OfficeBenchmark {

    /**
     * Office-31 (Saenko et al., ECCV 2010): 4,110 images of 31 classes in three domains, laid out as
     * {@code <root>/<domain>/images/<class>/<file>.jpg} (the {@code domain_adaptation_images} folder of the download).
     */
    OFFICE_31("office-31", List.of("amazon", "dslr", "webcam"), 31, "images"),

    /**
     * Office-Home (Venkateswara et al., CVPR 2017): 15,500 images of 65 classes in four domains, laid out
     * as {@code <root>/<domain>/<class>/<file>.jpg} (the {@code OfficeHomeDataset_10072016} folder, with
     * {@code Real World} renamed {@code Real_World} as LibMTL's lists name it).
     */
    OFFICE_HOME("office-home", List.of("Art", "Clipart", "Product", "Real_World"), 65, "");

    private final String datasetName;
    private final List<String> domains;
    private final int classes;
    private final String imagesFolder;

    OfficeBenchmark(String datasetName, List<String> domains, int classes, String imagesFolder) {
        this.datasetName = datasetName;
        this.domains = domains;
        this.classes = classes;
        this.imagesFolder = imagesFolder;
    }

    /** The provider's name, the YAML {@code dataset.name}: {@code office-31} or {@code office-home}. */
    public String datasetName() {
        return datasetName;
    }

    /** The domains, each one task; the {@code domain} option's values. */
    public List<String> domains() {
        return domains;
    }

    /** The published class count of every domain (LibMTL's examples/office/main.py: 31 and 65). */
    public int classes() {
        return classes;
    }

    /** The default root: {@code data/office-31} or {@code data/office-home}. */
    public String defaultRoot() {
        return "data/" + datasetName;
    }

    /** The folder holding a domain's class folders. */
    public Path classFolders(Path root, String domain) {
        Path dir = root.resolve(domain);
        return imagesFolder.isEmpty() ? dir : dir.resolve(imagesFolder);
    }
}
