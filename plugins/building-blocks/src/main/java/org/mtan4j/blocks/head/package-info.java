/**
 * What the task heads of several network plugins share: heads that know their PyTorch names
 * ({@link org.mtan4j.blocks.head.NamedTaskHead}), per-pixel heads with the paper's NYUv2 losses
 * ({@link org.mtan4j.blocks.head.DenseTaskHead}, {@link org.mtan4j.blocks.head.DenseLosses}) and their
 * output activation by task kind ({@link org.mtan4j.blocks.head.OutputActivation}).
 */
package org.mtan4j.blocks.head;
