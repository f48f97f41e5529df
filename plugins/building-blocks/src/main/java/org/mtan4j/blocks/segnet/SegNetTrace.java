package org.mtan4j.blocks.segnet;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.sampling.PoolIndices;

/**
 * Every intermediate map of one {@link SegNetTrunk} forward pass, named as in models.md "SegNet
 * backbone"; models that attach to the shared network (MTAN's attention, dense and cross-stitch
 * columns) read them from here. Lists are indexed by encoder stage {@code s} or decoder step
 * {@code t} (level {@code L = 4 - t}); all have five entries.
 *
 * @param encoderUnits {@code E0[s]}: the stage's first conv unit, {@code (N, f[s], H/2^s, W/2^s)}
 * @param encoderBlocks {@code E1[s]}: the stage's block of units (before pooling), same shape
 * @param pooled {@code E1[s]} max-pooled, {@code (N, f[s], H/2^(s+1), W/2^(s+1))}
 * @param indices the winners of that pooling, for the decoder
 * @param upsampled {@code U[t]}: the unpooled input of decoder step {@code t}, {@code (N, f[L], H/2^L, W/2^L)}
 * @param decoderUnits {@code D0[t]}: step {@code t}'s first unit ({@code f[L] -> f[L-1]}, 64 -> 64 at L=0)
 * @param decoderBlocks {@code D[t]}: step {@code t}'s block of units; {@code D[4]} is the output
 */
public record SegNetTrace(List<NDArray> encoderUnits, List<NDArray> encoderBlocks, List<NDArray> pooled,
        List<PoolIndices> indices, List<NDArray> upsampled, List<NDArray> decoderUnits,
        List<NDArray> decoderBlocks) {

    /** Copies the lists. */
    public SegNetTrace {
        encoderUnits = List.copyOf(encoderUnits);
        encoderBlocks = List.copyOf(encoderBlocks);
        pooled = List.copyOf(pooled);
        indices = List.copyOf(indices);
        upsampled = List.copyOf(upsampled);
        decoderUnits = List.copyOf(decoderUnits);
        decoderBlocks = List.copyOf(decoderBlocks);
    }

    /**
     * Closes the handles on every map and index array except {@code keep} (e.g. the output), once the
     * caller is done with the trace (see {@link Intermediates}).
     */
    public void releaseAllBut(NDArray keep) {
        for (List<NDArray> maps : List.of(encoderUnits, encoderBlocks, pooled, upsampled, decoderUnits, decoderBlocks)) {
            for (NDArray map : maps) {
                if (map != keep) {
                    map.close();
                }
            }
        }
        indices.forEach(i -> i.flat().close());
    }

    /** The trunk's output {@code D[4]}: {@code (N, f[0], H, W)}. */
    public NDArray output() {
        return decoderBlocks.get(decoderBlocks.size() - 1);
    }
}
