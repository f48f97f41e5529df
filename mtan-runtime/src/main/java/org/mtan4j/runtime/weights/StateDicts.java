package org.mtan4j.runtime.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.numpy.NpyArray;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.Npz;
import org.mtan4j.api.text.ProblemList;
import org.mtan4j.runtime.run.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyTorch {@code state_dict}s as NumPy {@code .npz} files, in and out of a model named by
 * {@link StateDictNames}; the rules are in the package comment.
 */
public final class StateDicts {

    private static final Logger LOG = LoggerFactory.getLogger(StateDicts.class);

    /** The suffix of the BatchNorm counters that are ignored. */
    static final String COUNTER = "num_batches_tracked";

    private StateDicts() {
    }

    /**
     * Reads {@code file} and copies every entry into the named parameters. Nothing is changed unless the
     * whole file fits.
     *
     * @throws WeightsException naming the file and listing every missing, extra, mis-shaped or
     *     non-float entry, or when the file is not a readable {@code .npz}
     */
    public static ImportReport load(Path file, StateDictNames names) {
        Map<String, NpyArray> arrays = read(file);
        List<String> notes = new ArrayList<>();
        Map<String, Parameter> expected = names.entries();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int counters = 0;
        Map<String, NpyArray> matched = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String name = e.getKey();
            NpyArray array = e.getValue();
            if (isCounter(name)) {
                counters++;
            } else if (expected.containsKey(name)) {
                matched.put(name, array);
            } else if (name.equals(StateDictNames.LOG_SIGMA)) {
                notes.add("'logsigma' " + array.shapeString() + " skipped: it holds uncertainty weighting's log-variances,"
                        + " and this run's weighting has no matching parameter");
            } else {
                extra.add(name + " " + array.shapeString());
            }
        }
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            if (!arrays.containsKey(e.getKey())) {
                if (e.getKey().equals(StateDictNames.LOG_SIGMA)) {
                    // The reference's one-task models have none: keep the weighting's initial values.
                    notes.add("no 'logsigma' in the file: the uncertainty weighting keeps its current log-variances");
                    continue;
                }
                missing.add(e.getKey() + " " + shapeString(e.getValue().getArray().getShape().getShape()));
            }
        }
        int loaded = copy(file, matched, expected, missing, extra, notes);
        if (!names.unnamed().isEmpty()) {
            notes.add("not in a PyTorch state_dict, left at their initial values: " + String.join(", ", names.unnamed()));
        }
        LOG.info("loaded {} entries from {} ({} num_batches_tracked ignored)", loaded, file, counters);
        return new ImportReport(file.toString(), loaded, counters, notes);
    }

    /**
     * Reads {@code file} and copies the entries of {@code trunk} (a backbone's
     * {@link org.mtan4j.api.Backbone#trunkStateDictEntries()}) into their parameters, leaving every
     * other parameter as it is: a pretrained network's weights for the shared trunk alone. Entries of
     * the file that are not trunk names (a classifier's {@code fc.*}, {@code num_batches_tracked}) are
     * ignored and reported in one note. Nothing is changed unless every trunk entry is in the file with
     * its shape.
     *
     * @throws WeightsException naming the file and listing every missing, mis-shaped or non-float trunk
     *     entry, or when the file is not a readable {@code .npz}
     */
    public static ImportReport loadTrunk(Path file, Map<String, Parameter> trunk) {
        Map<String, NpyArray> arrays = read(file);
        List<String> ignored = new ArrayList<>();
        int counters = 0;
        Map<String, NpyArray> matched = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (trunk.containsKey(e.getKey())) {
                matched.put(e.getKey(), e.getValue());
            } else {
                ignored.add(e.getKey());
                counters += isCounter(e.getKey()) ? 1 : 0;
            }
        }
        List<String> missing = new ArrayList<>();
        trunk.forEach((name, p) -> {
            if (!arrays.containsKey(name)) {
                missing.add(name + " " + shapeString(p.getArray().getShape().getShape()));
            }
        });
        List<String> notes = new ArrayList<>();
        if (!ignored.isEmpty()) {
            notes.add(ignored.size() + " entries that are not trunk parameters ignored: " + ProblemList.join(ignored, ", "));
        }
        int loaded = copy(file, matched, trunk, missing, List.of(), notes);
        notes.add("only the trunk was loaded; every other parameter keeps its initial value");
        LOG.info("loaded {} trunk entries from {} ({} other entries ignored)", loaded, file, ignored.size());
        return new ImportReport(file.toString(), loaded, counters, notes);
    }

    private static Map<String, NpyArray> read(Path file) {
        try {
            // Converting: a state_dict written on a big-endian machine or transposed is still usable.
            return Npz.read(file, true);
        } catch (IOException e) {
            throw new WeightsException(e.getMessage(), e);
        }
    }

    private static boolean isCounter(String name) {
        return name.equals(COUNTER) || name.endsWith("." + COUNTER);
    }

    /**
     * Checks the matched entries' types and shapes, throws listing every problem (with the caller's
     * missing and unexpected entries) if there is any, else copies them into their parameters.
     *
     * @return how many entries were copied
     */
    private static int copy(Path file, Map<String, NpyArray> matched, Map<String, Parameter> targets, List<String> missing,
            List<String> extra, List<String> notes) {
        List<String> misshaped = new ArrayList<>();
        List<String> badType = new ArrayList<>();
        boolean narrowed = false;
        for (Map.Entry<String, NpyArray> e : matched.entrySet()) {
            String name = e.getKey();
            NpyArray array = e.getValue();
            if (array.dtype() == NpyDType.FLOAT64) {
                narrowed = true;
            } else if (array.dtype() != NpyDType.FLOAT32) {
                badType.add(name + " (" + array.dtype().descr() + ")");
            }
            long[] want = targets.get(name).getArray().getShape().getShape();
            if (!Arrays.equals(want, Arrays.stream(array.shape()).asLongStream().toArray())) {
                misshaped.add(name + " " + array.shapeString() + ", expected " + shapeString(want));
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty() || !misshaped.isEmpty() || !badType.isEmpty()) {
            StringBuilder message = new StringBuilder(file + ": does not fit the model");
            if (matched.isEmpty()) {
                message.append(": no entry names a parameter of it (the state_dict of another network, or not a state_dict at all?)");
            } else {
                message.append(": ").append(matched.size()).append(" entries name a parameter, ")
                        .append(missing.size() + extra.size() + misshaped.size() + badType.size()).append(" problems");
            }
            section(message, "missing", missing);
            section(message, "unexpected", extra);
            section(message, "wrong shape", misshaped);
            section(message, "not floating point", badType);
            throw new WeightsException(message.toString());
        }
        int loaded = 0;
        for (Map.Entry<String, Parameter> e : targets.entrySet()) {
            NpyArray array = matched.get(e.getKey());
            if (array != null) {
                NDArray target = e.getValue().getArray();
                if (target.getDataType() != DataType.FLOAT32) {
                    throw new WeightsException("parameter '" + e.getKey() + "' is " + target.getDataType() + "; only float32 models are supported");
                }
                target.set(FloatBuffer.wrap(array.data()));
                loaded++;
            }
        }
        if (narrowed) {
            notes.add("float64 entries were narrowed to float32");
        }
        return loaded;
    }

    /** The named parameters' current values as float32 arrays, in the names' order. */
    public static Map<String, NpyArray> arrays(StateDictNames names) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : names.entries().entrySet()) {
            NDArray value = e.getValue().getArray();
            int[] shape = Arrays.stream(value.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            out.put(e.getKey(), new NpyArray(e.getKey(), NpyDType.FLOAT32, shape, value.toType(DataType.FLOAT32, false).toFloatArray()));
        }
        return out;
    }

    /**
     * Writes the named parameters to {@code file} as an uncompressed {@code .npz} (as {@code np.savez}),
     * atomically: a failure leaves no partial file.
     */
    public static void save(Path file, StateDictNames names) throws IOException {
        Map<String, NpyArray> arrays = arrays(names);
        AtomicFiles.write(file, out -> Npz.write(out, arrays, false));
    }

    private static void section(StringBuilder message, String title, List<String> items) {
        if (!items.isEmpty()) {
            message.append("; ").append(items.size()).append(' ').append(title).append(": ").append(ProblemList.join(items, ", "));
        }
    }

    private static String shapeString(long[] shape) {
        // As numpy prints shapes, like NpyArray.shapeString: (3,), (2, 3).
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
