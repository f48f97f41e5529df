/**
 * Weights in and out of a built model: PyTorch {@code state_dict}s saved as NumPy {@code .npz}
 * ({@link org.mtan4j.runtime.weights.StateDicts}), under the names the plugins declare
 * ({@link org.mtan4j.runtime.weights.StateDictNames}), and the run's own checkpoints in DJL's
 * {@code .params} format ({@link org.mtan4j.runtime.weights.RunModel}).
 *
 * <p>Rules of the mapping, shared by import and export:
 * <ul>
 *   <li>every name the model declares must be in the file with the same shape, and every entry of the
 *       file must be a declared name; otherwise the import fails listing every missing, extra and
 *       mis-shaped entry at once, naming the file;</li>
 *   <li>BatchNorm running statistics ({@code running_mean}, {@code running_var}) are loaded and saved
 *       like parameters;</li>
 *   <li>{@code *num_batches_tracked} entries are ignored: DJL's BatchNorm has no such counter, and it
 *       only matters for PyTorch's cumulative-average mode ({@code momentum=None}), which the reference
 *       does not use. Export leaves them out; PyTorch's BatchNorm fills in a missing counter when
 *       loading, even with {@code strict=True};</li>
 *   <li>{@code logsigma}, the reference's uncertainty log-variances, belongs to the weighting here: it is
 *       loaded into (and exported from) the {@code uncertainty} weighting's single parameter when the run
 *       uses that weighting and the shapes agree. Other runs skip it with a note in the
 *       {@link org.mtan4j.runtime.weights.ImportReport}, because the reference's multi-task models carry
 *       it whatever weighting trained them; their export has no {@code logsigma}, so load it back in
 *       PyTorch with {@code strict=False} (its only missing key) or train with uncertainty;</li>
 *   <li>export writes float32 little-endian C-order arrays in the declared order, stored uncompressed
 *       like {@code np.savez}, so importing a float32 file and exporting it again gives back every entry
 *       byte for byte, in the same order (file-level zip metadata such as timestamps may differ).</li>
 * </ul>
 *
 * <p>A pretrained trunk alone ({@link org.mtan4j.runtime.weights.StateDicts#loadTrunk}, {@code mtan
 * import-weights --only trunk}): the file is read under the backbone's
 * {@link org.mtan4j.api.Backbone#trunkStateDictEntries()} names (torchvision's {@code resnet50} names for
 * {@code resnet-mtan}); every trunk entry must be there with its shape, other entries ({@code fc.*},
 * {@code num_batches_tracked}) are ignored with one note, and the rest of the model keeps its
 * initialisation.
 */
package org.mtan4j.runtime.weights;
