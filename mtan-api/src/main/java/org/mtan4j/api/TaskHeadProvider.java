package org.mtan4j.api;

import java.util.Set;

/**
 * Builds a {@link TaskHead} for one task.
 *
 * @param <O> the options record
 */
public interface TaskHeadProvider<O> extends PluginProvider<O> {

    /** The task kinds this head can predict. */
    Set<TaskKind> supportedKinds();

    /**
     * Builds a head.
     *
     * @param task the task to predict; its kind is one of {@link #supportedKinds()}
     * @param featureChannels channels of the backbone's feature map for this task
     */
    TaskHead create(O options, TaskSpec task, int featureChannels);
}
