package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;

/** Every multi-task SegNet of the paper trains three epochs on the synthetic scenes without a NaN. */
class SegNetVariantsTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"split:standard", "split:deep", "split:wide", "dense", "cross-stitch", "mtan"})
    void trainsThreeEpochs(String variant, @TempDir Path dir) {
        String[] parts = variant.split(":");
        String options = parts.length > 1 ? "{filters: [4, 8, 8, 8, 8], variant: " + parts[1] + "}" : "{filters: [4, 8, 8, 8, 8]}";
        RunEnd end = Runs.train(TinyRuns.resolved("backbone.name=" + parts[0], "backbone.options=" + options, "training.epochs=3"),
                dir, false, List.of()).result();
        assertEquals(3, end.epochs().size());
        for (EpochEnd epoch : end.epochs()) {
            for (int t = 0; t < epoch.tasks().size(); t++) {
                assertTrue(Double.isFinite(epoch.trainLosses()[t]) && Double.isFinite(epoch.valLosses()[t]),
                        variant + " epoch " + epoch.epoch() + " task " + epoch.tasks().get(t).name());
            }
        }
    }
}
