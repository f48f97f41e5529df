package org.mtan4j.runtime.run;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.mtan4j.runtime.training.MultiTaskNetwork;

/**
 * The model files {@code last.params} and {@code best.params}: DJL's parameter file followed by a
 * 12-byte trailer, {@code mtan-crc} and the CRC32 of everything before it (big-endian), so that a
 * damaged file is refused rather than loaded. Files without the trailer (written before it existed)
 * are read as they are.
 */
public final class ParamsFiles {

    private static final byte[] MAGIC = "mtan-crc".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER = MAGIC.length + Integer.BYTES;

    private ParamsFiles() {
    }

    /** Writes {@code network}'s parameters with the trailer, atomically. */
    public static void write(Path file, MultiTaskNetwork network) throws IOException {
        AtomicFiles.write(file, out -> {
            CRC32 crc = new CRC32();
            DataOutputStream data = new DataOutputStream(new CheckedOutputStream(out, crc));
            network.saveParameters(data);
            data.flush();
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
        });
    }

    /**
     * The parameter bytes of {@code file}, the checksum verified when there is one.
     *
     * @throws IOException when the checksum does not match (the file is damaged), or the file cannot be read
     */
    public static byte[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int body = bytes.length - TRAILER;
        if (body < 0 || !Arrays.equals(bytes, body, body + MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return bytes;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        int stored = ByteBuffer.wrap(bytes, body + MAGIC.length, Integer.BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw new IOException(file + ": damaged (its checksum does not match its content)");
        }
        return Arrays.copyOf(bytes, body);
    }
}
