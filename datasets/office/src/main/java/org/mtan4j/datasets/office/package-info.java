/**
 * The {@code office-31} and {@code office-home} datasets, the image-classification benchmarks multi-task
 * methods with several inputs are compared on (LibMTL's examples/office): Office-31's amazon, dslr and
 * webcam (31 classes) and Office-Home's Art, Clipart, Product and Real_World (65 classes).
 *
 * <p><b>One domain per dataset.</b> Each domain has its own images and is its own task, so a run lists
 * one dataset per domain (many-to-many training); the option {@code domain} chooses it and names the task.
 *
 * <p><b>Splits.</b> {@code train}, {@code val} and {@code test} come from the published split lists
 * (LibMTL's {@code data_txt/<benchmark>/<domain>_<split>.txt}: {@code PATH LABEL} per line) when they are
 * in {@code <root>/split-lists} or the folder the {@code split-lists} option names, else from a seeded
 * stratified 60/20/20 split of the class folders ({@link org.mtan4j.datasets.office.OfficeSplits}).
 *
 * <p>Entry points: {@link org.mtan4j.datasets.office.Office31DatasetProvider},
 * {@link org.mtan4j.datasets.office.OfficeHomeDatasetProvider} and
 * {@link org.mtan4j.datasets.office.OfficeOptions}.
 */
package org.mtan4j.datasets.office;
