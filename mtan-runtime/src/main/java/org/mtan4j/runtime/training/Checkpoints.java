package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mtan4j.runtime.run.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resumable checkpoints of a run: {@code checkpoints/step-<global step>.ckpt}, each a zip (stored,
 * not compressed: checkpoints are written often and are mostly incompressible floats) holding
 * {@code state.json} ({@link TrainingState}), {@code model.params} (DJL's parameter file, as
 * {@code last.params}), {@code optimizer/<parameter name>/<slot>} (DJL-encoded arrays) and
 * {@code weighting/<key>} (the weighting's state, big-endian float64s). Zip entries
 * carry CRCs, checked on opening, so a truncated or damaged file is recognised and the previous one used instead.
 * Each file is written atomically; only the newest {@code keep} are kept.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
    private static final String STATE = "state.json";
    private static final String MODEL = "model.params";
    private static final String OPTIMIZER = "optimizer/";
    private static final String WEIGHTING = "weighting/";
    // NaN metric values must survive the round trip as numbers.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path folder;
    private final int keep;

    /**
     * @param folder the run's {@code checkpoints} folder
     * @param keep how many of the newest checkpoints to keep (at least 1)
     */
    public Checkpoints(Path folder, int keep) {
        this.folder = folder;
        this.keep = Math.max(1, keep);
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /**
     * Writes a checkpoint of the current state and removes the oldest beyond {@code keep}.
     *
     * @param manager where the optimiser's state is copied to on its way to the file
     * @return the file written
     * @throws IllegalStateException when a model parameter holds NaN or Inf: such a state is never saved
     */
    public Path write(TrainingState state, Map<String, double[]> weighting, MultiTaskNetwork network, ResumableOptimizer optimizer,
            NDManager manager) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            NDArray array = p.getValue().getArray();
            // The temporaries belong to the parameter's long-lived manager: close each.
            try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite(); NDArray either = nan.logicalOr(inf);
                    NDArray any = either.any()) {
                if (any.getBoolean()) {
                    throw new IllegalStateException("parameter '" + p.getKey() + "' holds NaN or Inf at step " + state.globalStep()
                            + " (" + state.position() + "); no checkpoint was written, the previous ones are intact");
                }
            }
            names.put(p.getValue().getId(), p.getKey());
        }
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(model)) {
            network.saveParameters(data);
        }
        Path target = folder.resolve(String.format("step-%09d.ckpt", state.globalStep()));
        try (NDManager scratch = manager.newSubManager()) {
            Map<String, Map<String, NDArray>> slots = optimizer.state(scratch);
            Files.createDirectories(folder);
            AtomicFiles.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.setLevel(0);
                put(zip, STATE, JSON.writeValueAsBytes(state));
                put(zip, MODEL, model.toByteArray());
                for (Map.Entry<String, double[]> entry : new java.util.TreeMap<>(weighting).entrySet()) {
                    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(entry.getValue().length * Double.BYTES);
                    bytes.asDoubleBuffer().put(entry.getValue());
                    put(zip, WEIGHTING + entry.getKey(), bytes.array());
                }
                for (Pair<String, Parameter> p : network.getParameters()) {
                    Map<String, NDArray> parameterSlots = slots.get(p.getValue().getId());
                    if (parameterSlots != null) {
                        for (Map.Entry<String, NDArray> slot : new java.util.TreeMap<>(parameterSlots).entrySet()) {
                            put(zip, OPTIMIZER + p.getKey() + "/" + slot.getKey(), slot.getValue().encode());
                        }
                    }
                }
                zip.finish();
            });
        }
        prune();
        LOG.debug("checkpoint {} ({})", target, state.position());
        return target;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Removes checkpoints beyond the newest {@code keep} and temporary files of interrupted writes. */
    private void prune() throws IOException {
        List<Path> all = list(folder);
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path temp : files.filter(f -> f.getFileName().toString().matches("\\.step-\\d+\\.ckpt\\..*\\.tmp")).toList()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The checkpoint files in {@code folder}, newest (highest step) first. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf).reversed()).toList();
        }
    }

    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The newest checkpoint of {@code folder} that reads completely (every entry's CRC checked).
     *
     * @return the checkpoint and, newest first, the files passed over with the reason
     * @throws IOException when there is none that reads, naming each file tried and why
     */
    public static Found newest(Path folder) throws IOException {
        List<String> skipped = new ArrayList<>();
        for (Path file : list(folder)) {
            try {
                return new Found(Checkpoint.open(file), List.copyOf(skipped));
            } catch (IOException | RuntimeException e) {
                skipped.add(file + ": " + e.getMessage());
            }
        }
        if (skipped.isEmpty()) {
            throw new IOException("no checkpoint in " + folder + " (files step-<N>.ckpt); a run writes one at each epoch end, "
                    + "and every training.checkpoint-every-steps steps when set");
        }
        throw new IOException("no readable checkpoint in " + folder + ": " + String.join("; ", skipped));
    }

    /**
     * A checkpoint found by {@link #newest}.
     *
     * @param checkpoint the newest good one
     * @param skipped newer files that could not be read, each with the reason
     */
    public record Found(Checkpoint checkpoint, List<String> skipped) {
    }

    /** One checkpoint file, checked whole when opened. */
    public static final class Checkpoint {

        private final Path file;
        private final TrainingState state;
        private final Map<String, double[]> weighting;

        private Checkpoint(Path file, TrainingState state, Map<String, double[]> weighting) {
            this.file = file;
            this.state = state;
            this.weighting = weighting;
        }

        /** Reads and checks {@code file}; its arrays are read again when restored. */
        public static Checkpoint open(Path file) throws IOException {
            TrainingState state = null;
            boolean model = false;
            Map<String, double[]> weighting = new LinkedHashMap<>();
            endsWithItsEndRecord(file);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] bytes = in.readAllBytes();
                        // ZipFile does not check CRCs itself.
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(bytes);
                        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                            throw new IOException("entry " + entry.getName() + " is damaged (CRC mismatch)");
                        }
                        if (entry.getName().equals(STATE)) {
                            state = JSON.readValue(bytes, TrainingState.class);
                        }
                        model |= entry.getName().equals(MODEL);
                        if (entry.getName().startsWith(WEIGHTING)) {
                            if (bytes.length % Double.BYTES != 0) {
                                throw new IOException("entry " + entry.getName() + " is not a whole number of float64s");
                            }
                            double[] values = new double[bytes.length / Double.BYTES];
                            java.nio.ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
                            weighting.put(entry.getName().substring(WEIGHTING.length()), values);
                        }
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new IOException("not a complete checkpoint (" + e.getMessage() + ")", e);
            }
            if (state == null || !model) {
                throw new IOException("not a checkpoint: no " + (state == null ? STATE : MODEL) + " inside");
            }
            if (state.format() != TrainingState.FORMAT) {
                throw new IOException("checkpoint format " + state.format() + ", this version reads " + TrainingState.FORMAT);
            }
            return new Checkpoint(file, state, weighting);
        }

        /**
         * Zip readers skip bytes appended after the archive; a checkpoint has none: it ends with the
         * 22-byte end record (no comment) that this class writes.
         */
        private static void endsWithItsEndRecord(Path file) throws IOException {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22);
                if (size >= 22) {
                    channel.position(size - 22);
                    while (end.hasRemaining() && channel.read(end) > 0) {
                        // reads the last 22 bytes
                    }
                }
                byte[] b = end.array();
                if (size < 22 || b[0] != 'P' || b[1] != 'K' || b[2] != 5 || b[3] != 6) {
                    throw new IOException("not a complete checkpoint (it does not end with its end record: truncated, "
                            + "damaged, or with bytes appended)");
                }
            }
        }

        /** The file. */
        public Path file() {
            return file;
        }

        /** What it holds besides arrays. */
        public TrainingState state() {
            return state;
        }

        /** The weighting's state, for {@link org.mtan4j.api.Weighting#restoreState}. */
        public Map<String, double[]> weightingState() {
            Map<String, double[]> copy = new LinkedHashMap<>();
            weighting.forEach((key, values) -> copy.put(key, values.clone()));
            return copy;
        }

        /**
         * Loads the model's parameters into {@code network}, which must be initialised and not yet used by a
         * trainer (the trainer then copies them to each device).
         *
         * @param manager the model's manager, which owns the loaded arrays
         * @throws WrongModel when the checkpoint belongs to another model, naming the first difference
         */
        public void restoreModel(MultiTaskNetwork network, NDManager manager) throws IOException {
            List<String> here = signature(network);
            if (!here.equals(state.parameters())) {
                throw new WrongModel("checkpoint " + file + " was written by a different model: "
                        + firstDifference(state.parameters(), here));
            }
            List<NDArray> replaced = new ArrayList<>();
            network.getParameters().values().forEach(p -> replaced.add(p.getArray()));
            try (ZipFile zip = new ZipFile(file.toFile());
                    DataInputStream in = new DataInputStream(zip.getInputStream(zip.getEntry(MODEL)))) {
                network.loadParameters(manager, in);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException("cannot load the model of checkpoint " + file + ": " + e.getMessage(), e);
            }
            // Loading swaps in new arrays; nothing else holds the initial ones yet.
            replaced.forEach(NDArray::close);
        }

        /**
         * Gives the optimiser its state back, matching parameters by name.
         *
         * @param manager the model's manager: it owns the restored state until the first updates take it
         */
        public void restoreOptimizer(MultiTaskNetwork network, ResumableOptimizer optimizer, NDManager manager) throws IOException {
            Map<String, String> ids = new HashMap<>();
            for (Pair<String, Parameter> p : network.getParameters()) {
                ids.put(p.getKey(), p.getValue().getId());
            }
            try (ZipFile zip = new ZipFile(file.toFile()); NDManager scratch = manager.newSubManager()) {
                Map<String, Map<String, NDArray>> slots = new LinkedHashMap<>();
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (!name.startsWith(OPTIMIZER)) {
                        continue;
                    }
                    int slash = name.lastIndexOf('/');
                    String parameter = name.substring(OPTIMIZER.length(), slash);
                    if (!ids.containsKey(parameter)) {
                        throw new IllegalArgumentException("checkpoint " + file + " holds optimiser state of '" + parameter
                                + "', which this model does not have");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        slots.computeIfAbsent(parameter, k -> new HashMap<>()).put(name.substring(slash + 1),
                                scratch.decode(in.readAllBytes()));
                    }
                }
                slots.forEach((parameter, arrays) -> optimizer.restore(ids.get(parameter), arrays, manager));
            }
        }
    }

    /** A checkpoint refused because another model wrote it (bad input, not a failure). */
    public static final class WrongModel extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        WrongModel(String message) {
            super(message);
        }
    }

    /** The model's parameters as {@code name shape}, in order. */
    public static List<String> signature(MultiTaskNetwork network) {
        List<String> out = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            out.add(p.getKey() + " " + p.getValue().getArray().getShape());
        }
        return out;
    }

    private static String firstDifference(List<String> there, List<String> here) {
        for (int i = 0; i < Math.min(there.size(), here.size()); i++) {
            if (!there.get(i).equals(here.get(i))) {
                return "parameter " + (i + 1) + " is '" + there.get(i) + "' there and '" + here.get(i) + "' here";
            }
        }
        return there.size() + " parameters there, " + here.size() + " here";
    }
}
