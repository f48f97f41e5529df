package org.mtan4j.plugins.moe.encoder;

import java.util.HashMap;
import java.util.Map;
import org.mtan4j.blocks.sampling.PoolIndices;

/**
 * One image stream's way through one {@link StagedEncoder}: what an earlier stage leaves for a later
 * one. The SegNet encoder's stages leave their pooling winners, which the decoder stage of the same
 * level unpools with; the dilated ResNet's leave nothing. Closing it releases what it holds.
 */
public final class EncoderPass implements AutoCloseable {

    private final Map<Integer, PoolIndices> poolIndices = new HashMap<>();

    /** Keeps the pooling winners of level {@code level}. */
    void putPoolIndices(int level, PoolIndices indices) {
        poolIndices.put(level, indices);
    }

    /**
     * The pooling winners of level {@code level}.
     *
     * @throws IllegalStateException if that level's encoder stage has not run in this pass
     */
    PoolIndices poolIndices(int level) {
        PoolIndices indices = poolIndices.get(level);
        if (indices == null) {
            throw new IllegalStateException("the decoder stage of level " + level + " runs before the encoder stage of its pass");
        }
        return indices;
    }

    @Override
    public void close() {
        poolIndices.values().forEach(i -> i.flat().close());
        poolIndices.clear();
    }
}
