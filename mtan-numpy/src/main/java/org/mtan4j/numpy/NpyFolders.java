package org.mtan4j.numpy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.stream.Stream;

/**
 * Folders of numbered arrays, {@code <dir>/0.npy ... <dir>/<N-1>.npy}, as the paper's pre-processed
 * NYUv2 and CityScapes releases store each split's images and targets (the reference loader counts
 * the {@code *.npy} files and opens {@code <index>.npy} for index 0..N-1).
 */
public final class NpyFolders {

    private NpyFolders() {
    }

    /**
     * Counts the arrays in {@code dir}, checking the names are exactly {@code 0.npy ... <N-1>.npy}.
     *
     * @throws IOException naming the folder when it is missing, or the file when a name is not a
     *     plain index (e.g. {@code 07.npy}, {@code a.npy}), or the first missing index
     */
    public static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": missing folder");
        }
        BitSet seen = new BitSet();
        int files = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".npy")) {
                    continue; // the reference loader only counts *.npy files
                }
                String stem = name.substring(0, name.length() - 4);
                if (!stem.matches("0|[1-9][0-9]{0,8}")) {
                    throw new IOException(p + ": not a numbered array; names must be 0.npy, 1.npy, ... without"
                            + " leading zeros");
                }
                String problem = RegularFiles.problem(p);
                if (problem != null) {
                    throw new IOException(p + ": " + problem + "; expected a .npy array");
                }
                seen.set(Integer.parseInt(stem));
                files++;
            }
        }
        int missing = seen.nextClearBit(0);
        if (missing < files) {
            throw new IOException(dir.resolve(missing + ".npy") + ": missing; the folder has " + files
                    + " .npy files, so indexes 0.." + (files - 1) + " are expected");
        }
        return files;
    }

    /**
     * Counts one split's samples: every folder of {@code splitDir} named in {@code folders} (the image
     * folder first) must hold the same number of numbered arrays.
     *
     * @throws IOException naming the split folder when it is missing, the image folder when it is
     *     empty, or the folder whose count differs from the image folder's
     */
    public static int countSplit(Path splitDir, java.util.List<String> folders) throws IOException {
        if (!Files.isDirectory(splitDir)) {
            throw new IOException(splitDir + ": missing split folder");
        }
        Path images = splitDir.resolve(folders.get(0));
        int n = count(images);
        if (n == 0) {
            throw new IOException(images + ": no .npy files");
        }
        for (String folder : folders.subList(1, folders.size())) {
            int m = count(splitDir.resolve(folder));
            if (m != n) {
                throw new IOException(splitDir.resolve(folder) + ": has " + m + " arrays but " + images + " has " + n);
            }
        }
        return n;
    }

    /**
     * Checks every array of one split without reading its values ({@link Npy#check}): for each folder,
     * {@code 0.npy ... <count-1>.npy} must be little-endian float32 of the folder's shape.
     *
     * @param shapes folder name to the shape its arrays must have, e.g. {@code image -> (H, W, 3)}
     * @throws IOException naming the first bad file and what is wrong with it
     */
    public static void checkSplit(Path splitDir, int count, java.util.Map<String, int[]> shapes) throws IOException {
        for (int i = 0; i < count; i++) {
            for (java.util.Map.Entry<String, int[]> folder : shapes.entrySet()) {
                Npy.check(splitDir.resolve(folder.getKey()).resolve(i + ".npy"), NpyDType.FLOAT32, folder.getValue());
            }
        }
    }
}
