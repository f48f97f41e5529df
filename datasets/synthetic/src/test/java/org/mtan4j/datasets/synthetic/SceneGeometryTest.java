package org.mtan4j.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts about the rendered geometry, checked against formulas derived independently of the renderer
 * (from the documented camera model: OpenCV axes, no roll, principal point at the image centre).
 * Works on the float arrays directly, without the engine.
 */
class SceneGeometryTest {

    private static final int H = 48;
    private static final int W = 64;
    private static final int SCENES = 50;
    private static final int FLOOR = NyuClass.FLOOR.label();
    private static final int CEILING = NyuClass.CEILING.label();

    private static List<Frame> frames;

    @BeforeAll
    static void render() {
        SyntheticDataset dataset = dataset(0L);
        frames = new ArrayList<>();
        for (int i = 0; i < SCENES; i++) {
            frames.add(dataset.render("train", i));
        }
    }

    private static SyntheticDataset dataset(long sceneSeed) {
        return new SyntheticDataset(new SyntheticOptions(H, W, SCENES, 10, sceneSeed, false));
    }

    /** World up in camera axes (x right, y down, z forward) for a camera pitched by {@code pitch}. */
    private static double[] up(Camera camera) {
        return new double[] {0, -Math.cos(camera.pitch()), Math.sin(camera.pitch())};
    }

    private static double[] normal(Frame f, int i) {
        int plane = f.height() * f.width();
        return new double[] {f.normals()[i], f.normals()[plane + i], f.normals()[2 * plane + i]};
    }

    /** The camera-space direction of pixel i, scaled to unit forward component. */
    private static double[] ray(Frame f, int i) {
        int u = i % f.width();
        int v = i / f.width();
        return new double[] {(u + 0.5 - f.width() / 2.0) / f.focal(), (v + 0.5 - f.height() / 2.0) / f.focal(), 1};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Test
    void floorAndCeilingNormalsAreWorldUpAndDownSeenFromThePitchedCamera() {
        int floorPixels = 0;
        int ceilingPixels = 0;
        for (Frame f : frames) {
            double[] up = up(f.camera());
            for (int i = 0; i < f.labels().length; i++) {
                double[] n = normal(f, i);
                if (f.labels()[i] == FLOOR) {
                    floorPixels++;
                    assertArrayEquals(up, n, 1e-5, "floor normal at pixel " + i);
                } else if (f.labels()[i] == CEILING) {
                    ceilingPixels++;
                    assertArrayEquals(new double[] {-up[0], -up[1], -up[2]}, n, 1e-5, "ceiling normal at pixel " + i);
                }
            }
        }
        assertTrue(floorPixels > SCENES * H * W / 20, "floor is seen: " + floorPixels);
        assertTrue(ceilingPixels > 0, "ceiling is seen sometimes");
    }

    @Test
    void floorDepthLiesOnTheFloorPlaneBelowTheCamera() {
        for (Frame f : frames) {
            double[] up = up(f.camera());
            for (int i = 0; i < f.labels().length; i++) {
                if (f.labels()[i] == FLOOR) {
                    // A floor point depth * ray is camera-height below the camera: depth * (ray . up) = -height.
                    double expected = -f.camera().y() / dot(ray(f, i), up);
                    assertEquals(expected, f.depth()[i], 1e-5 * expected, "floor depth at pixel " + i);
                }
            }
        }
    }

    @Test
    void wallsWindowsAndPaintingsStandUpright() {
        for (Frame f : frames) {
            double[] up = up(f.camera());
            for (int i = 0; i < f.labels().length; i++) {
                int label = (int) f.labels()[i];
                if (label == NyuClass.WALL.label() || label == NyuClass.WINDOW.label() || label == NyuClass.PAINTING.label()) {
                    assertEquals(0, dot(normal(f, i), up), 1e-5, "vertical surface's normal is horizontal at pixel " + i);
                }
            }
        }
    }

    @Test
    void invalidPixelsAreInvalidInEveryTargetAndValidOnesAreSound() {
        for (Frame f : frames) {
            for (int i = 0; i < f.labels().length; i++) {
                double[] n = normal(f, i);
                double norm = Math.sqrt(dot(n, n));
                if (f.labels()[i] == -1) {
                    assertEquals(0f, f.depth()[i], "invalid depth at pixel " + i);
                    assertArrayEquals(new double[3], n, "invalid normal at pixel " + i);
                } else {
                    float d = f.depth()[i];
                    assertTrue(d > 0 && d <= Renderer.MAX_DEPTH, "depth in (0, max] at pixel " + i + ": " + d);
                    assertEquals(1, norm, 1e-5, "unit normal at pixel " + i);
                    assertTrue(dot(n, ray(f, i)) < 0, "normal faces the camera at pixel " + i);
                }
            }
            for (float c : f.rgb()) {
                assertTrue(c >= 0 && c <= 1, "rgb in [0, 1]: " + c);
            }
        }
    }

    @Test
    void classesAreVariedAndNoneDominates() {
        long[] counts = new long[NyuClass.COUNT];
        long valid = 0;
        for (Frame f : frames) {
            for (float label : f.labels()) {
                if (label >= 0) {
                    counts[(int) label]++;
                    valid++;
                }
            }
        }
        long present = Arrays.stream(counts).filter(c -> c > 0).count();
        assertTrue(present >= 10, "at least 10 of 13 classes appear in " + SCENES + " scenes: " + Arrays.toString(counts));
        for (NyuClass c : NyuClass.values()) {
            assertTrue(counts[c.label()] <= 0.6 * valid, c.displayName() + " has " + counts[c.label()] + " of " + valid);
        }
    }

    @Test
    void aFewPixelsAreInvalid() {
        long invalid = 0;
        long total = 0;
        for (Frame f : frames) {
            for (float label : f.labels()) {
                invalid += label == -1 ? 1 : 0;
                total++;
            }
        }
        double fraction = invalid / (double) total;
        assertTrue(fraction > 0.001 && fraction < 0.15, "invalid fraction " + fraction);
    }

    @Test
    void meanColourTellsTheRoomSurfacesApart() {
        double[][] mean = meanRgbPerClass();
        int[] surfaces = {FLOOR, NyuClass.WALL.label(), CEILING};
        for (int a = 0; a < surfaces.length; a++) {
            for (int b = a + 1; b < surfaces.length; b++) {
                double distance = distance(mean[surfaces[a]], mean[surfaces[b]]);
                assertTrue(distance > 0.1, NyuClass.ofLabel(surfaces[a]).displayName() + " vs "
                        + NyuClass.ofLabel(surfaces[b]).displayName() + ": mean rgb distance " + distance);
            }
        }
        // Beyond the room: every pair of classes seen differs in mean colour.
        for (int a = 0; a < NyuClass.COUNT; a++) {
            for (int b = a + 1; b < NyuClass.COUNT; b++) {
                if (mean[a] != null && mean[b] != null) {
                    assertTrue(distance(mean[a], mean[b]) > 0.02, NyuClass.ofLabel(a).displayName() + " vs "
                            + NyuClass.ofLabel(b).displayName() + ": " + Arrays.toString(mean[a]) + " " + Arrays.toString(mean[b]));
                }
            }
        }
    }

    private static double[][] meanRgbPerClass() {
        double[][] sum = new double[NyuClass.COUNT][3];
        long[] count = new long[NyuClass.COUNT];
        for (Frame f : frames) {
            int plane = f.height() * f.width();
            for (int i = 0; i < plane; i++) {
                int label = (int) f.labels()[i];
                if (label >= 0) {
                    count[label]++;
                    for (int c = 0; c < 3; c++) {
                        sum[label][c] += f.rgb()[c * plane + i];
                    }
                }
            }
        }
        double[][] mean = new double[NyuClass.COUNT][];
        for (int k = 0; k < NyuClass.COUNT; k++) {
            if (count[k] > 0) {
                mean[k] = new double[] {sum[k][0] / count[k], sum[k][1] / count[k], sum[k][2] / count[k]};
            }
        }
        return mean;
    }

    private static double distance(double[] a, double[] b) {
        double dr = a[0] - b[0];
        double dg = a[1] - b[1];
        double db = a[2] - b[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void samplesAreDeterministicAndDistinct() {
        SyntheticDataset dataset = dataset(0L);
        Frame again = dataset.render("train", 3);
        assertArrayEquals(frames.get(3).rgb(), again.rgb());
        assertArrayEquals(frames.get(3).labels(), again.labels());
        assertArrayEquals(frames.get(3).depth(), again.depth());
        assertArrayEquals(frames.get(3).normals(), again.normals());

        assertFalse(Arrays.equals(frames.get(3).rgb(), frames.get(4).rgb()), "neighbouring indices differ");
        assertFalse(Arrays.equals(frames.get(3).rgb(), dataset.render("val", 3).rgb()), "train and val differ");
        assertFalse(Arrays.equals(frames.get(3).rgb(), dataset(1L).render("train", 3).rgb()), "scene seeds differ");
    }

    @Test
    void aMirroredFrameIsTheMirrorImageWithNormalsXNegated() {
        Frame f = frames.get(0);
        Frame m = f.flipped();
        int plane = H * W;
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int i = v * W + u;
                int j = v * W + (W - 1 - u);
                assertEquals(f.labels()[i], m.labels()[j]);
                assertEquals(f.depth()[i], m.depth()[j]);
                assertEquals(f.rgb()[plane + i], m.rgb()[plane + j]);
                assertEquals(-f.normals()[i], m.normals()[j], 0f);
                assertEquals(f.normals()[2 * plane + i], m.normals()[2 * plane + j]);
            }
        }
    }
}
