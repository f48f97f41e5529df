package org.mtan4j.runtime.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mtan4j.runtime.run.ParamsFiles;

/**
 * The model's parameters from a file given as a model: an mtan4j model file ({@code .params}), or the
 * model inside a resumable training checkpoint ({@code step-*.ckpt}). Files of other tools are named
 * as what they are (a PyTorch {@code torch.save} file, a NumPy {@code .npz}), with the command that
 * reads them, rather than failing deep in DJL's reader.
 */
final class ModelFiles {

    /** What to give instead of a file that is not an mtan4j model file. */
    static final String WHAT_TO_GIVE = "give an mtan4j model file: a run's checkpoints/best.params or last.params, "
            + "or one written by mtan import-weights";

    private static final String IMPORT = "save the model's state_dict as .npz (np.savez, see the README's \"Weights\") and "
            + "read it with mtan import-weights --from FILE.npz";

    /** A zip file's first bytes (numpy's .npz, PyTorch's torch.save since 1.6, our checkpoints). */
    private static final int ZIP_MAGIC = 0x504B0304;
    /** The pickle protocol opcode that starts PyTorch's legacy torch.save format. */
    private static final int PICKLE_PROTOCOL = 0x80;

    private ModelFiles() {
    }

    /**
     * The DJL parameter bytes of {@code file}.
     *
     * @throws WeightsException when the file is of another tool or not a model file
     * @throws IOException when it cannot be read, or its checksum does not match
     */
    static byte[] parameters(Path file) throws IOException {
        int head;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] first = in.readNBytes(4);
            head = first.length < 4 ? -1 : java.nio.ByteBuffer.wrap(first).getInt();
        }
        if (head == ZIP_MAGIC) {
            return fromZip(file);
        }
        if (head >>> 24 == PICKLE_PROTOCOL) {
            throw new WeightsException(file + ": a PyTorch file (torch.save's pickle format), not an mtan4j model file; " + IMPORT);
        }
        return ParamsFiles.read(file);
    }

    private static byte[] fromZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            ZipEntry model = zip.getEntry("model.params");
            if (model != null && zip.getEntry("state.json") != null) {
                try (InputStream in = zip.getInputStream(model)) {
                    return in.readAllBytes(); // a resumable checkpoint: the zip's own CRC guards the model
                }
            }
            if (names.stream().anyMatch(n -> n.endsWith("data.pkl"))) {
                throw new WeightsException(file + ": a PyTorch file (torch.save), not an mtan4j model file; " + IMPORT);
            }
            if (!names.isEmpty() && names.stream().allMatch(n -> n.endsWith(".npy"))) {
                throw new WeightsException(file + ": a NumPy .npz (a state_dict), not an mtan4j model file; read it with "
                        + "mtan import-weights --from " + file + " --out model.params");
            }
            throw new WeightsException(file + ": a zip archive, not an mtan4j model file; " + WHAT_TO_GIVE);
        } catch (ZipException e) {
            throw new WeightsException(file + ": a damaged zip archive (" + e.getMessage() + "), not an mtan4j model file; " + WHAT_TO_GIVE, e);
        }
    }
}
