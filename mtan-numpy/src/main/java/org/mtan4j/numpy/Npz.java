package org.mtan4j.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy's {@code .npz} archives: a zip file of {@code <name>.npy} entries, stored or
 * deflated (what {@code np.savez} and {@code np.savez_compressed} write, ZIP64 included).
 *
 * <p>Entry names keep the archive's order (the order they were saved in), which a weight importer
 * relies on. Each entry is decoded as strictly as {@link Npy#read(Path)} (or converting, on request);
 * an entry that is not a {@code .npy} file, a duplicate name or a damaged archive is an
 * {@link IOException} naming the archive and the entry ({@code archive.npz:entry.npy}).
 */
public final class Npz {

    private Npz() {
    }

    /** Reads every entry strictly (little-endian, C order), in archive order, keyed without {@code .npy}. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads every entry in archive order, keyed without {@code .npy}.
     *
     * @param convert whether big-endian and Fortran-order entries are converted (true) or refused
     */
    public static Map<String, NpyArray> read(Path file, boolean convert) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        RegularFiles.require(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String source = file + ":" + entry.getName();
                if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                    throw new IOException(source + ": not a .npy entry; an .npz archive holds only <name>.npy files");
                }
                String name = entry.getName().substring(0, entry.getName().length() - 4);
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = Npy.readStream(in, Integer.MAX_VALUE - 16, source);
                } catch (ZipException e) {
                    throw new IOException(source + ": damaged entry: " + e.getMessage(), e);
                }
                if (out.put(name, Npy.decode(bytes, source, convert)) != null) {
                    throw new IOException(source + ": duplicate entry '" + name + "'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new IOException(file + ": not a readable .npz (zip) archive: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes {@code arrays} as float32 entries {@code <name>.npy} in the map's iteration order (use a
     * {@link LinkedHashMap}), atomically (temporary file + rename).
     *
     * @param compress deflate the entries ({@code np.savez_compressed}) or store them ({@code np.savez})
     */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(os, arrays, compress);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the archive to {@code out} and finishes (but does not close) the stream. */
    public static void write(OutputStream out, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("an .npz entry name is empty");
            }
            byte[] bytes = Npy.encode(e.getValue().data(), e.getValue().shape());
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            if (compress) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                // A stored entry needs its size and checksum before its data (zip format).
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
    }
}
