package org.mtan4j.plugins.wrnmtan;

import java.util.List;
import org.mtan4j.api.TaskSpec;

/** The ten decathlon domains with their class counts, in the reference's order (models.md). */
final class Decathlon {

    static final List<TaskSpec> TASKS = List.of(
            TaskSpec.classification("imagenet12", 1000),
            TaskSpec.classification("aircraft", 100),
            TaskSpec.classification("cifar100", 100),
            TaskSpec.classification("daimlerpedcls", 2),
            TaskSpec.classification("dtd", 47),
            TaskSpec.classification("gtsrb", 43),
            TaskSpec.classification("omniglot", 1623),
            TaskSpec.classification("svhn", 10),
            TaskSpec.classification("ucf101", 101),
            TaskSpec.classification("vgg-flowers", 102));

    private Decathlon() {
    }
}
