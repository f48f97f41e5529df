/**
 * The contract test kit: one abstract JUnit 5 class per extension point. A plugin's test extends the
 * contract of its kind and supplies the provider and small options; the contract checks what every
 * implementation must do. Published as the module {@code mtan-testkit}, which brings JUnit 5, DJL's
 * PyTorch engine (CPU) and slf4j-simple: a plugin's tests need this one dependency, in test scope.
 *
 * <p>{@link org.mtan4j.testkit.EngineTest} is the base of every test that runs on the engine (DJL offline,
 * a manager per test, a fixed engine seed); {@link org.mtan4j.testkit.ContractSupport} adds the contracts'
 * fixtures.
 *
 * <p>{@link org.mtan4j.testkit.GradientContext} is the runtime's weighting context in small: it
 * offers per-task gradients of chosen "shared" arrays (and, on request, of cut representations), so
 * gradient-level weightings can be golden-tested on losses whose gradients are known. Its backward passes
 * keep the graph, which DJL's API cannot: {@code RetainedGraph} reaches the PyTorch engine for that, the
 * kit's only use of anything but DJL's API.
 *
 * <p>{@link org.mtan4j.testkit.WeightingStep} is what a weighting's test sees of a step of the
 * {@code WeightingContract}'s problem (losses, task gradients, reported weights, the gradients written) to
 * state the closed form of its shared gradient, {@code sum_k w_k g_k} of the reported weights unless the
 * method says otherwise; {@link org.mtan4j.testkit.DegenerateStep} adds the degenerate task sets (a
 * zero-gradient task, identical tasks, a rank-deficient set) to state what the method prescribes there.
 */
package org.mtan4j.testkit;
