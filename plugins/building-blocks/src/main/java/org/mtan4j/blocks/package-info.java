/**
 * Network building blocks that several plugin families use; a library, not a plugin (it registers no
 * provider). Each plugin builds its own networks from these: the early release of a forward pass's
 * intermediates ({@link org.mtan4j.blocks.Intermediates}).
 *
 * <p>Facts (sizes, eps, momentum, init, tie rule, interpolation) are from
 * {@code shared/reference/models.md}, "Building blocks".
 */
package org.mtan4j.blocks;
