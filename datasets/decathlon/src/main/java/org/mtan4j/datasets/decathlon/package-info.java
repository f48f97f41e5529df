/**
 * The {@code decathlon} dataset: Visual Decathlon's ten classification domains (imagenet12,
 * aircraft, cifar100, daimlerpedcls, dtd, gtsrb, omniglot, svhn, ucf101, vgg-flowers) read from
 * {@code <root>/<domain>/train|val/<class>/<image>} with the reference code's transforms and the
 * devkit's per-domain mean and std ({@code decathlon_mean_std.pickle}, read without Python).
 *
 * <p><b>One domain per dataset.</b> The API's {@link org.mtan4j.api.MultiTaskDataset} gives every
 * sample one target per task, but a decathlon image belongs to one domain only. So each opened
 * dataset is one domain, chosen by the {@code domain} option, with a single {@code CLASSIFICATION}
 * task named after the domain. The paper trains the ten domains one after another each epoch, each
 * through its own task branch; the runtime's many-to-many training (a run listing several datasets,
 * one per domain) is to come (issue 7) and will open ten of these.
 *
 * <p><b>Challenge submission.</b> With the devkit's annotation files (option {@code annotations}) a
 * domain also has the unlabelled {@code test} split, the images of {@code <domain>_test_stripped.json}
 * in its order; {@link org.mtan4j.datasets.decathlon.DecathlonResults} turns a model's class indexes on
 * them into the challenge's results JSON ({@code mtan predict --decathlon-results}).
 *
 * <p>Entry points: {@link org.mtan4j.datasets.decathlon.DecathlonDatasetProvider} and
 * {@link org.mtan4j.datasets.decathlon.DecathlonOptions}.
 */
package org.mtan4j.datasets.decathlon;
