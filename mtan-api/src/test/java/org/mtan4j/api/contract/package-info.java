/**
 * The contract test kit: one abstract JUnit 5 class per extension point. A plugin's test extends the
 * contract of its kind and supplies the provider and small options; the contract checks what every
 * implementation must do. Published as {@code mtan-api}'s test-jar (type {@code test-jar}).
 *
 * <p>{@link org.mtan4j.api.contract.GradientContext} is the runtime's weighting context in small: it
 * offers per-task gradients of chosen "shared" arrays (and, on request, of cut representations), so
 * gradient-level weightings can be golden-tested on losses whose gradients are known. It uses the
 * PyTorch engine (backward keeping the graph), which a test class path has anyway.
 *
 * <p>{@link org.mtan4j.api.contract.DegenerateStep} is what a weighting's test sees of the
 * {@code WeightingContract}'s degenerate task sets (a zero-gradient task, identical tasks, a rank-deficient
 * set) to state what its method prescribes there.
 */
package org.mtan4j.api.contract;
