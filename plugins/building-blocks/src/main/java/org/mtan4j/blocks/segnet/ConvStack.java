package org.mtan4j.blocks.segnet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.StateDictNamed;

/**
 * Conv units applied one after another; the reference's {@code conv_block_enc[i]} /
 * {@code conv_block_dec[i]} ("a block of conv units", models.md).
 *
 * <p>PyTorch names follow the reference: a stack of one unit is the bare unit (its entries sit
 * directly under the prefix, e.g. {@code conv_block_enc.0.0.weight}); a longer stack is an
 * {@code nn.Sequential} whose unit {@code i} sits under {@code prefix + i + "."} (e.g.
 * {@code conv_block_enc.2.1.0.weight}). DJL child blocks are named {@code unit<i>}.
 */
public final class ConvStack extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final List<ConvUnit> units = new ArrayList<>();

    /**
     * A stack of the given units; each unit's input channels must equal the previous one's output.
     *
     * @throws IllegalArgumentException if {@code units} is empty or the channels do not chain
     */
    public ConvStack(List<ConvUnit> units) {
        super(VERSION);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a ConvStack needs at least one unit");
        }
        for (int i = 0; i < units.size(); i++) {
            ConvUnit unit = units.get(i);
            if (i > 0 && unit.inChannels() != units.get(i - 1).outChannels()) {
                throw new IllegalArgumentException("unit " + i + " takes " + unit.inChannels()
                        + " channels but unit " + (i - 1) + " gives " + units.get(i - 1).outChannels());
            }
            this.units.add(addChildBlock("unit" + i, unit));
        }
    }

    /**
     * {@code count} units of {@code channels -> channels}, each of {@code depth} convolutions.
     *
     * @throws IllegalArgumentException if an argument is not positive
     */
    public static ConvStack of(int channels, int count, int depth) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        List<ConvUnit> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(new ConvUnit(channels, channels, depth, ConvInit.XAVIER_NORMAL));
        }
        return new ConvStack(units);
    }

    /** The units, in order (read-only). */
    public List<ConvUnit> units() {
        return Collections.unmodifiableList(units);
    }

    /** Input channels of the first unit. */
    public int inChannels() {
        return units.get(0).inChannels();
    }

    /** Output channels of the last unit. */
    public int outChannels() {
        return units.get(units.size() - 1).outChannels();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList x = inputs;
        for (ConvUnit unit : units) {
            NDList previous = x;
            x = unit.forward(parameterStore, x, training, params);
            if (previous != inputs) {
                Intermediates.release(previous);
            }
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (ConvUnit unit : units) {
            shapes = unit.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (ConvUnit unit : units) {
            unit.initialize(manager, dataType, shapes);
            shapes = unit.getOutputShapes(shapes);
        }
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        if (units.size() == 1) {
            units.get(0).putStateDictEntries(prefix, into);
            return;
        }
        for (int i = 0; i < units.size(); i++) {
            units.get(i).putStateDictEntries(prefix + i + ".", into);
        }
    }

    @Override
    public String toString() {
        return "ConvStack" + units;
    }
}
