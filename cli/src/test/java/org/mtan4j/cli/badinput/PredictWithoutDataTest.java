package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.io.Npy;
import org.mtan4j.cli.CliTest;

/**
 * {@code mtan predict --config} needs the model, not the training data: with the dataset's folder absent,
 * the tasks and the image size come from the dataset's description and the prediction is written.
 */
class PredictWithoutDataTest {

    @Test
    void predictsWithTheDataFolderAbsent(@TempDir Path dir) throws Exception {
        Path run = TinyRun.train(dir.resolve("runs"));
        // The same model on NYUv2 (13 classes, depth, normals) at 32x32, its release nowhere on this machine.
        Path absent = dir.resolve("nyuv2-not-here");
        Path config = TinyRun.config(dir.resolve("nyuv2.yaml"),
                "name: synthetic\n  options: {height: 32, width: 32, train-size: 4, val-size: 2}",
                "name: nyuv2\n  options: {root: " + absent + ", height: 32, width: 32}");
        Path input = dir.resolve("room.npy");
        Npy.write(input, new float[32 * 32 * 3], 32, 32, 3);

        CliTest.Result r = CliTest.mtan("predict", "--config", config.toString(), "--weights",
                run.resolve("checkpoints/last.params").toString(), "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        for (String task : new String[] {"semantic", "depth", "normal"}) {
            assertTrue(Files.isRegularFile(dir.resolve("out/room." + task + ".npy")), task);
        }
        assertFalse(Files.exists(absent), "the data folder was not created");
    }
}
