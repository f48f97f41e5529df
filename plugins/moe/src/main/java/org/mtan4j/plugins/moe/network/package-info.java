/**
 * The networks of the mixture-of-experts plugin: gated mixtures of expert encoders in extraction
 * levels ({@link org.mtan4j.plugins.moe.network.ExtractionNetwork}: MMoE, CGC, PLE, DSelect-k), learned
 * branching of per-task encoder columns ({@link org.mtan4j.plugins.moe.network.BranchingNetwork}: LTB),
 * their gates ({@link org.mtan4j.plugins.moe.network.SoftmaxGate},
 * {@link org.mtan4j.plugins.moe.network.DSelectKGate}) and the backbone over them
 * ({@link org.mtan4j.plugins.moe.network.ExpertsBackbone}).
 */
package org.mtan4j.plugins.moe.network;
