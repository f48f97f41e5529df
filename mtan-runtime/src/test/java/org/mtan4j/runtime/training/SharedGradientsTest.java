package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskHead;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;

/** Per-task gradients on the SegNet split backbone at small size, and gradient methods in a real run. */
class SharedGradientsTest {

    static {
        Engines.markOffline();
    }

    @Test
    @SuppressWarnings("try") // the collectors only scope gradient recording
    void perTaskGradientsSumToTheGradientOfTheSummedLoss() throws Exception {
        ResolvedRun run = TinyRuns.resolved();
        Engine.getInstance().setRandomSeed(5);
        try (RunComponents components = new RunComponents(run); NDManager manager = NDManager.newBaseManager()) {
            MultiTaskNetwork network = components.network();
            long[] image = run.imageShape();
            network.initialize(manager, DataType.FLOAT32, new Shape(1, image[0], image[1], image[2]));
            List<Parameter> shared = components.backbone().sharedParameters();
            Set<Parameter> sharedSet = Set.copyOf(shared);
            List<Parameter> own = new ArrayList<>();
            network.getParameters().values().forEach(p -> {
                if (p.requiresGradient() && !sharedSet.contains(p)) {
                    own.add(p);
                }
            });
            assertFalse(shared.isEmpty());
            assertFalse(own.isEmpty());
            SharedGradients gradients = new SharedGradients(shared);
            Batch batch;
            try (BatchLoader loader = new BatchLoader(components.dataset(), run.datasetTaskIndex(), manager, 1, 1)) {
                batch = loader.batches(MultiTaskDataset.TRAIN, 2, false, 3L, 0).next();
            }

            // Per task, keeping the graph.
            zero(network);
            NDArray perTaskSum;
            List<NDArray> ownPerTask;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList losses = losses(network, components.heads(), batch, manager);
                List<NDArray> perTask = gradients.taskGradients(losses, manager);
                assertEquals(3, perTask.size());
                perTaskSum = perTask.get(0).add(perTask.get(1)).add(perTask.get(2));
                assertEquals(gradients.size(), perTaskSum.size());
                // The shared gradients are left at zero until the combined one is written.
                assertEquals(0f, flat(shared, manager).abs().max().getFloat());
                ownPerTask = snapshot(own, manager);
            }

            // One backward of the summed loss.
            zero(network);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList losses = losses(network, components.heads(), batch, manager);
                collector.backward(losses.get(0).add(losses.get(1)).add(losses.get(2)));
            }
            NDArray summed = flat(shared, manager);
            float scale = summed.abs().max().getFloat();
            assertTrue(scale > 0);
            float error = perTaskSum.sub(summed).abs().max().getFloat();
            assertTrue(error <= 1e-5f * scale, "shared: max error " + error + " of " + scale);
            List<NDArray> ownSummed = snapshot(own, manager);
            for (int i = 0; i < own.size(); i++) {
                float e = ownPerTask.get(i).sub(ownSummed.get(i)).abs().max().getFloat();
                float s = ownSummed.get(i).abs().max().getFloat();
                assertTrue(e <= 1e-5f * Math.max(s, 1e-12f), own.get(i).getName() + ": " + e + " of " + s);
            }

            // Writing back lands in the shared parameters' gradients, leaving the others alone.
            NDArray combined = summed.mul(-3f);
            gradients.setSharedGradient(combined, manager);
            assertTrue(flat(shared, manager).sub(combined).abs().max().getFloat() <= 1e-6f * 3 * scale);
            assertTrue(snapshot(own, manager).get(0).sub(ownSummed.get(0)).abs().max().getFloat() == 0f);

            // Representation gradients (rep_grad): cut between backbone and heads, per task dL/dZ, then
            // the unmodified sum back through the backbone gives the summed loss's gradients again.
            zero(network);
            network.cutAtRepresentations(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList losses = losses(network, components.heads(), batch, manager);
                NDList features = network.lastRepresentations().getKey();
                NDList leaves = network.lastRepresentations().getValue();
                List<NDArray> perTask = SharedGradients.representationGradients(losses, leaves, manager);
                assertEquals(features.get(0).getShape(), perTask.get(0).getShape());
                assertEquals(0f, flat(shared, manager).abs().max().getFloat(), "the backbone waits for the combination");
                SharedGradients.backwardRepresentations(features, perTask);
            } finally {
                network.cutAtRepresentations(false);
            }
            float repError = flat(shared, manager).sub(summed).abs().max().getFloat();
            assertTrue(repError <= 1e-5f * scale, "representation path: max error " + repError + " of " + scale);
            List<NDArray> ownRep = snapshot(own, manager);
            for (int i = 0; i < own.size(); i++) {
                float e = ownRep.get(i).sub(ownSummed.get(i)).abs().max().getFloat();
                assertTrue(e <= 1e-5f * Math.max(ownSummed.get(i).abs().max().getFloat(), 1e-12f), own.get(i).getName());
            }
            batch.close();
        }
    }

    private static NDList losses(MultiTaskNetwork network, List<TaskHead> heads, Batch batch, NDManager manager) {
        NDList predictions = network.forward(new ParameterStore(manager, false), new NDList(batch.images()), true);
        NDList losses = new NDList();
        for (int t = 0; t < heads.size(); t++) {
            losses.add(heads.get(t).loss(predictions.get(t), batch.targets().get(t)));
        }
        return losses;
    }

    private static void zero(MultiTaskNetwork network) {
        network.getParameters().values().forEach(p -> {
            if (p.requiresGradient()) {
                NDArray g = p.getArray().getGradient();
                g.subi(g);
            }
        });
    }

    private static NDArray flat(List<Parameter> parameters, NDManager manager) {
        NDList parts = new NDList();
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(manager);
            parts.add(g.reshape(-1));
        }
        return NDArrays.concat(parts);
    }

    private static List<NDArray> snapshot(List<Parameter> parameters, NDManager manager) {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(manager);
            out.add(g.duplicate());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dwa", "uncertainty", "rlw", "famo", "pcgrad", "mgda", "{name: mgda, options: {rep-grad: true}}",
        "cagrad", "imtl", "{name: imtl, options: {rep-grad: true}}", "aligned-mtl", "gradnorm", "gradvac", "graddrop",
        "nash-mtl", "db-mtl", "upgrad", "gls", "moco", "{name: stch, options: {warmup-epoch: 1}}", "excess-mtl", "fairgrad",
        "sdmgrad", "modo", "rgw", "{name: rgw, options: {rep-grad: true}}", "config", "dualproj"})
    void aRunWithTheMethodTrainsWithoutNaNAndRecordsWeights(String weighting, @TempDir Path dir) throws Exception {
        Runs.Outcome outcome = Runs.train(TinyRuns.resolved("weighting=" + weighting, "training.epochs=3"), dir, false, List.of());
        List<String> rows = Files.readAllLines(outcome.directory().root().resolve("metrics.csv"));
        assertFalse(rows.stream().anyMatch(r -> r.toLowerCase().contains("nan") || r.toLowerCase().contains("inf")),
                "no NaN or Inf in metrics.csv");
        for (String task : List.of("semantic", "depth", "normal")) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                String prefix = epoch + ",train," + task + ",weight,";
                assertTrue(rows.stream().anyMatch(r -> r.startsWith(prefix)), prefix);
            }
        }
        assertEquals(3, outcome.result().epochs().size());
    }

    @Test
    void aNonFiniteTaskGradientStopsTheRunNamingWeightingStepAndTask(@TempDir Path dir) throws Exception {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Runs.train(TinyRuns.resolved("weighting=test-non-finite"), dir, false, List.of()));
        String message = e.getMessage();
        assertTrue(message.contains("'test-non-finite'") && message.contains("'depth'") && message.contains("step 2"), message);
        // Epoch 0's checkpoint was written before the failing step and is still there.
        Path last = dir.resolve("tiny").resolve("checkpoints").resolve("last.params");
        assertTrue(Files.isRegularFile(last) && Files.size(last) > 0, "the last good checkpoint is intact");
    }
}
