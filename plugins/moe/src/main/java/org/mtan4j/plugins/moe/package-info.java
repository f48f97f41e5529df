/**
 * Multi-task architectures of LibMTL over a shared encoder, registered for {@link java.util.ServiceLoader}
 * (YAML name, provider):
 * <ul>
 *   <li>{@code mmoe} ({@link org.mtan4j.plugins.moe.MmoeBackboneProvider}): Multi-gate Mixture-of-Experts,
 *       Ma et al., KDD 2018;</li>
 *   <li>{@code cgc} ({@link org.mtan4j.plugins.moe.CgcBackboneProvider}): Customized Gate Control, Tang et
 *       al., RecSys 2020;</li>
 *   <li>{@code ple} ({@link org.mtan4j.plugins.moe.PleBackboneProvider}): Progressive Layered Extraction,
 *       Tang et al., RecSys 2020;</li>
 *   <li>{@code dselect-k} ({@link org.mtan4j.plugins.moe.DSelectKBackboneProvider}): DSelect-k, Hazimeh et
 *       al., NeurIPS 2021;</li>
 *   <li>{@code ltb} ({@link org.mtan4j.plugins.moe.LtbBackboneProvider}): Learning to Branch, Guo, Lee and
 *       Ulbricht, ICML 2020.</li>
 * </ul>
 * Every expert (every LTB column) is a copy of the encoder the {@code encoder} option names
 * ({@link org.mtan4j.plugins.moe.EncoderOptions}): the dilated ResNet-50 for the {@code deeplab} heads or
 * the paper's SegNet for the {@code segnet-*} heads. The networks are in
 * {@link org.mtan4j.plugins.moe.network}, the encoders in {@link org.mtan4j.plugins.moe.encoder}.
 * Defaults are LibMTL's (its NYUv2 test's expert counts; {@code LibMTL/config.py}).
 */
package org.mtan4j.plugins.moe;
