package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.nd.Convolutions;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.blocks.sampling.AlignCornersBilinear;
import org.mtan4j.blocks.sampling.MaxPool2x2;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.testkit.EngineTest;

/**
 * Each backbone's forward (inference mode) equals the network models.md describes, evaluated here
 * from the {@code state_dict} alone: every tensor is looked up by its PyTorch name, so a name mapped
 * to the wrong layer, a concatenation in the wrong order or a mix-up of levels and steps shows up as a
 * different output. BatchNorm statistics, biases and cross-stitch units are randomised first so that
 * every entry matters. Pooling and upsampling reuse {@link MaxPool2x2} and {@link AlignCornersBilinear},
 * which have tests of their own.
 */
class StateDictForwardTest extends EngineTest {

    private static final SegNetOptions NARROW = new SegNetOptions(List.of(4, 8, 8, 16, 16));
    private static final List<TaskSpec> TASKS = Nyuv2Tasks.ALL;
    private static final Shape BATCH = new Shape(2, 3, 32, 64);

    private Map<String, Parameter> w;
    private NDArray image;

    @BeforeEach
    void image() {
        image = manager.randomUniform(0f, 1f, BATCH);
    }

    @Test
    void split() {
        for (String variant : List.of("standard", "deep", "wide")) {
            SegNetBackbone backbone = build(new SplitBackboneProvider().create(new SplitOptions(NARROW.filters(), variant),
                    context(TASKS)));
            check("split " + variant, backbone, () -> {
                NDArray output = trunk().output;
                return List.of(output, output, output);
            });
        }
    }

    @Test
    void singleAndStan() {
        SegNetBackbone single = build(new SingleBackboneProvider().create(NARROW, context(TASKS.subList(1, 2))));
        check("single", single, () -> List.of(trunk().output));
        SegNetBackbone stan = build(new StanBackboneProvider().create(NARROW, context(TASKS.subList(2, 3))));
        check("stan", stan, () -> List.of(mtanTask(trunk(), 0)));
    }

    @Test
    void mtan() {
        SegNetBackbone backbone = build(new MtanBackboneProvider().create(NARROW, context(TASKS)));
        check("mtan", backbone, () -> {
            Trunk g = trunk();
            List<NDArray> out = new ArrayList<>();
            for (int i = 0; i < TASKS.size(); i++) {
                out.add(mtanTask(g, i));
            }
            return out;
        });
    }

    @Test
    void dense() {
        SegNetBackbone backbone = build(new DenseBackboneProvider().create(NARROW, context(TASKS)));
        check("dense", backbone, this::denseReference);
    }

    private List<NDArray> denseReference() {
        List<NDArray> out = new ArrayList<>();
        List<NDArray> sharedPooled = new ArrayList<>();
        List<MaxPool2x2Result> shared = new ArrayList<>();
        NDArray x = image;
        for (int s = 0; s < 5; s++) {
            MaxPool2x2Result p = pool(block(x, "encoder_block." + s + "."));
            shared.add(p);
            sharedPooled.add(p.values);
            x = p.values;
        }
        List<NDArray> sharedUnpooled = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            int level = 4 - t;
            sharedUnpooled.add(MaxPool2x2.unpool(x, shared.get(level).pooled.indices()));
            if (level > 0) { // decoder_block.0 is built but unused (models.md)
                x = block(sharedUnpooled.get(t), "decoder_block." + level + ".");
            }
        }
        for (int i = 0; i < TASKS.size(); i++) {
            List<MaxPool2x2Result> own = new ArrayList<>();
            NDArray y = image;
            for (int s = 0; s < 5; s++) {
                NDArray in = s == 0 ? image : cat(y, sharedPooled.get(s - 1));
                MaxPool2x2Result p = pool(block(in, "encoder_block_t." + i + "." + s + "."));
                own.add(p);
                y = p.values;
            }
            for (int t = 0; t < 5; t++) {
                int level = 4 - t;
                y = block(cat(MaxPool2x2.unpool(y, own.get(level).pooled.indices()), sharedUnpooled.get(t)),
                        "decoder_block_t." + i + "." + level + ".");
            }
            out.add(y);
        }
        return out;
    }

    @Test
    void crossStitch() {
        SegNetBackbone backbone = build(new CrossStitchBackboneProvider().create(NARROW, context(TASKS)));
        check("cross-stitch", backbone, this::crossStitchReference);
    }

    private List<NDArray> crossStitchReference() {
        NDArray csEnc = w.get("cs_unit_encoder").getArray();
        NDArray csDec = w.get("cs_unit_decoder").getArray();
        int k = TASKS.size();
        List<List<MaxPool2x2Result>> pools = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            pools.add(new ArrayList<>());
        }
        NDArray input = image;
        List<NDArray> current = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            current = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                MaxPool2x2Result p = pool(block(input, "encoder_block_t." + i + "." + s + "."));
                pools.get(i).add(p);
                current.add(p.values);
            }
            if (s < 4) {
                input = mix(csEnc, s, current);
            }
        }
        for (int t = 0; t < 5; t++) {
            int level = 4 - t;
            NDArray m = mix(csDec, t, current);
            List<NDArray> next = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                next.add(block(MaxPool2x2.unpool(m, pools.get(i).get(level).pooled.indices()),
                        "decoder_block_t." + i + "." + level + "."));
            }
            current = next;
        }
        return current;
    }

    // ---- the reference network, from models.md, reading tensors by PyTorch name ----

    /** Outputs of the shared SegNet: E0, E1, U, D per stage / step. */
    private record Trunk(List<NDArray> e0, List<NDArray> e1, List<NDArray> u, List<NDArray> d, NDArray output) {
    }

    private Trunk trunk() {
        List<NDArray> e0 = new ArrayList<>();
        List<NDArray> e1 = new ArrayList<>();
        List<MaxPool2x2Result> pools = new ArrayList<>();
        NDArray x = image;
        for (int s = 0; s < 5; s++) {
            e0.add(block(x, "encoder_block." + s + "."));
            e1.add(block(e0.get(s), "conv_block_enc." + s + "."));
            pools.add(pool(e1.get(s)));
            x = pools.get(s).values;
        }
        List<NDArray> u = new ArrayList<>();
        List<NDArray> d = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            int level = 4 - t;
            u.add(MaxPool2x2.unpool(x, pools.get(level).pooled.indices()));
            d.add(block(block(u.get(t), "decoder_block." + level + "."), "conv_block_dec." + level + "."));
            x = d.get(t);
        }
        return new Trunk(e0, e1, u, d, x);
    }

    private NDArray mtanTask(Trunk g, int i) {
        NDArray a = null;
        for (int s = 0; s < 5; s++) {
            NDArray in = s == 0 ? g.e0.get(0) : cat(g.e0.get(s), a);
            NDArray features = attention(in, "encoder_att." + i + "." + s + ".").mul(g.e1.get(s));
            NDArray unit = block(features, "encoder_block_att." + s + ".");
            a = Pool.maxPool2d(unit, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }
        for (int t = 0; t < 5; t++) {
            int level = 4 - t;
            NDArray b = block(AlignCornersBilinear.upsample2x(a), "decoder_block_att." + level + ".");
            a = attention(cat(g.u.get(t), b), "decoder_att." + i + "." + level + ".").mul(g.d.get(t));
        }
        return a;
    }

    /**
     * A module at {@code prefix}: one {@code nn.Sequential} of conv-BN-ReLU (entries {@code 0, 1, 3, 4,
     * ...}) or a sequence of them ({@code 0.0, 0.1, 1.0, ...}).
     */
    private NDArray block(NDArray x, String prefix) {
        if (w.containsKey(prefix + "0.weight")) {
            for (int k = 0; w.containsKey(prefix + (3 * k) + ".weight"); k++) {
                x = Activation.relu(norm(conv(x, prefix + (3 * k) + "."), prefix + (3 * k + 1) + "."));
            }
            return x;
        }
        for (int i = 0; w.containsKey(prefix + i + ".0.weight"); i++) {
            x = block(x, prefix + i + ".");
        }
        return x;
    }

    private NDArray attention(NDArray x, String prefix) {
        NDArray h = Activation.relu(norm(conv(x, prefix + "0."), prefix + "1."));
        return Activation.sigmoid(norm(conv(h, prefix + "3."), prefix + "4."));
    }

    private NDArray conv(NDArray x, String prefix) {
        NDArray weight = w.get(prefix + "weight").getArray();
        long pad = weight.getShape().get(2) / 2;
        // A backward pass follows: the engine's convolution needs the work-around Convolutions describes.
        return Convolutions.conv2d(x, weight, w.get(prefix + "bias").getArray(), new Shape(1, 1), new Shape(pad, pad),
                new Shape(1, 1));
    }

    private NDArray norm(NDArray x, String prefix) {
        return BatchNorm.batchNorm(x, w.get(prefix + "running_mean").getArray(), w.get(prefix + "running_var").getArray(),
                w.get(prefix + "weight").getArray(), w.get(prefix + "bias").getArray(), 1, 0.9f, 1e-5f, false)
                .singletonOrThrow();
    }

    private static NDArray mix(NDArray units, int row, List<NDArray> sources) {
        NDArray sum = sources.get(0).mul(units.get(row, 0));
        for (int k = 1; k < sources.size(); k++) {
            sum = sum.add(sources.get(k).mul(units.get(row, k)));
        }
        return sum;
    }

    private static NDArray cat(NDArray first, NDArray second) {
        return NDArrays.concat(new NDList(first, second), 1);
    }

    private record MaxPool2x2Result(org.mtan4j.blocks.sampling.Pooled pooled, NDArray values) {
    }

    private static MaxPool2x2Result pool(NDArray x) {
        org.mtan4j.blocks.sampling.Pooled p = MaxPool2x2.pool(x);
        return new MaxPool2x2Result(p, p.values());
    }

    // ---- set-up ----

    private static BackboneContext context(List<TaskSpec> tasks) {
        return new BackboneContext(tasks, BATCH.slice(1));
    }

    /** Initialises, then randomises every entry that initialises to a constant. */
    private SegNetBackbone build(SegNetBackbone backbone) {
        backbone.block().initialize(manager, DataType.FLOAT32, BATCH);
        w = backbone.stateDictEntries();
        w.forEach((name, p) -> {
            NDArray array = p.getArray();
            Shape shape = array.getShape();
            NDArray value;
            if (name.endsWith("running_var") || name.startsWith("cs_unit") || (name.endsWith(".weight") && shape.dimension() == 1)) {
                value = manager.randomUniform(0.5f, 1.5f, shape);
            } else if (shape.dimension() == 1) {
                value = manager.randomNormal(0f, 0.1f, shape, DataType.FLOAT32);
            } else {
                return; // convolution weights are random already
            }
            array.subi(array).addi(value);
        });
        return backbone;
    }

    /**
     * The backbone's outputs equal the reference's, and so do the gradients of every trainable entry
     * for a fixed random projection of the outputs: the gradients see wiring that the outputs alone
     * can hide (MTAN's encoder attention reaches the output only through five decoder masks, so its
     * effect on the values is below float resolution, but not on the gradients).
     */
    private void check(String what, SegNetBackbone backbone, Supplier<List<NDArray>> reference) {
        List<NDArray> projections = new ArrayList<>();
        NDList actual;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            actual = backbone.block().forward(new ParameterStore(manager, false), new NDList(image), false);
            assertEquals(backbone.taskCount(), actual.size(), what);
            for (NDArray out : actual) {
                projections.add(manager.randomUniform(-1f, 1f, out.getShape()));
            }
            collector.backward(project(actual, projections));
        }
        Map<String, float[]> actualGradients = takeGradients();
        List<NDArray> expected;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            expected = reference.get();
            collector.backward(project(expected, projections));
        }
        Map<String, float[]> expectedGradients = takeGradients();
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i), actual.get(i), what + " task " + i);
        }
        assertEquals(expectedGradients.keySet(), actualGradients.keySet(), what);
        expectedGradients.forEach((name, e) -> {
            float[] a = actualGradients.get(name);
            float scale = 0f;
            float worst = 0f;
            for (int j = 0; j < e.length; j++) {
                scale = Math.max(scale, Math.abs(e[j]));
                worst = Math.max(worst, Math.abs(e[j] - a[j]));
            }
            assertTrue(worst <= 1e-3f * scale + 1e-30f, what + ": gradient of " + name + " differs by " + worst + " (scale " + scale + ")");
        });
    }

    private static NDArray project(List<NDArray> outputs, List<NDArray> projections) {
        NDArray sum = outputs.get(0).mul(projections.get(0)).sum();
        for (int i = 1; i < outputs.size(); i++) {
            sum = sum.add(outputs.get(i).mul(projections.get(i)).sum());
        }
        return sum;
    }

    /** The gradients of the trainable entries by name, then zeroed. */
    private Map<String, float[]> takeGradients() {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        w.forEach((name, p) -> {
            if (p.requiresGradient()) {
                NDArray gradient = p.getArray().getGradient();
                gradients.put(name, gradient.toFloatArray());
                gradient.subi(gradient);
            }
        });
        return gradients;
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what);
        float scale = 1f + expected.abs().max().getFloat();
        float worst = expected.sub(actual).abs().max().getFloat();
        assertTrue(worst <= 1e-5f * scale, what + ": worst difference " + worst + " (scale " + scale + ")");
        assertTrue(expected.abs().sum().getFloat() > 0f, what + ": a non-trivial output");
    }
}
