package org.mtan4j.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1.0, 2.0 and 3.0) without Python and
 * without DJL's decoder.
 *
 * <p><b>Strictness.</b> Every problem is an {@link IOException} whose message starts with the file
 * and says what is wrong, and no call ever returns an array that differs from what numpy would load:
 * <ul>
 *   <li>a bad magic string, an unknown format version, a header that is not the dictionary numpy
 *       writes (exactly the keys {@code descr}, {@code fortran_order} and {@code shape}), a structured
 *       or unsupported {@code descr};</li>
 *   <li>a file shorter than its header promises (truncated) or longer (trailing bytes);</li>
 *   <li>in the {@code expected} variants, a type or shape other than the caller's;</li>
 *   <li><b>big-endian</b> ({@code >f4}) and <b>Fortran-order</b> data are refused by the strict
 *       readers ({@link #read(Path)}, {@link #read(Path, NpyDType, int[], float[])}). The published
 *       datasets are little-endian C-order, so either is a sign of a file written by something else;
 *       refusing keeps loaders fast (no transposes on the hot path) and makes a stray file visible.
 *       {@link #readConverting(Path)} reads both correctly instead (byte-swapped, transposed to C
 *       order) for callers such as a weight importer that want any valid file. A 0-D or 1-D array
 *       flagged Fortran-order is laid out as in C order and is accepted.</li>
 * </ul>
 * Native-order {@code =} descriptors are refused: the byte order of the machine that wrote them is
 * unknown. All element types are returned as floats; {@code float64} and {@code int64} values are
 * narrowed (see {@link NpyDType}).
 *
 * <p>The writer emits version 1.0 (2.0 when the header would not fit), little-endian float32, C order,
 * with the header padded to a multiple of 64 bytes as numpy does. All methods are thread-safe; the
 * strict {@link #read(Path, NpyDType, int[], float[])} reads files through a per-thread byte buffer
 * (kept between calls, as large as the largest file that thread read) so that loaders allocate
 * nothing per sample when they also pass a buffer to fill.
 */
public final class Npy {

    /** The magic string every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to this many bytes. */
    private static final int ALIGN = 64;

    private Npy() {
    }

    /**
     * Reads a little-endian C-order array of any supported type.
     *
     * @throws IOException naming the file: missing, truncated, bad header, big-endian, Fortran order
     */
    public static NpyArray read(Path file) throws IOException {
        return read(file, null, null, null);
    }

    /**
     * Reads a little-endian C-order array, checking its type and shape before decoding.
     *
     * @param expectedDtype the type the file must have, or null for any
     * @param expectedShape the shape it must have (an entry of -1 matches any length), or null for any
     * @param reuse filled and returned when its length fits; otherwise a new array is allocated
     * @throws IOException naming the file and what differs
     */
    public static NpyArray read(Path file, NpyDType expectedDtype, int[] expectedShape, float[] reuse) throws IOException {
        // The file's bytes go to a per-thread buffer: loaders read megabytes per sample, many times a second.
        byte[] buf = SCRATCH.get();
        int length;
        RegularFiles.require(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": " + size + " bytes is too large for one array");
            }
            if (buf.length < size) {
                buf = new byte[(int) size];
                SCRATCH.set(buf);
            }
            ByteBuffer target = ByteBuffer.wrap(buf, 0, (int) size);
            while (target.hasRemaining() && channel.read(target) >= 0) {
                // read until full or end of file
            }
            length = target.position();
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        return decode(buf, length, file.toString(), false, expectedDtype, expectedShape, reuse);
    }

    /** Bytes read first by {@link #check}: every header numpy writes for a plain array is far shorter. */
    private static final int HEADER_PEEK = 4096;

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    /** Reads any valid {@code .npy} file, converting big-endian data and Fortran order correctly. */
    public static NpyArray readConverting(Path file) throws IOException {
        return decode(readAll(file), file.toString(), true, null, null, null);
    }

    /** Reads only the header of {@code file} (for checkers that report without decoding). */
    public static NpyHeader readHeader(Path file) throws IOException {
        byte[] bytes = readAll(file);
        NpyHeader header = parseHeader(bytes, file.toString());
        checkLength(header, bytes.length);
        return header;
    }

    /**
     * Decodes the bytes of a {@code .npy} file.
     *
     * @param source names the bytes in error messages
     * @param convert whether big-endian and Fortran-order data are converted (true) or refused (false)
     */
    public static NpyArray decode(byte[] bytes, String source, boolean convert) throws IOException {
        return decode(bytes, source, convert, null, null, null);
    }

    static NpyArray decode(byte[] bytes, String source, boolean convert, NpyDType expectedDtype, int[] expectedShape,
            float[] reuse) throws IOException {
        return decode(bytes, bytes.length, source, convert, expectedDtype, expectedShape, reuse);
    }

    /** Decodes the first {@code length} bytes of {@code bytes}. */
    private static NpyArray decode(byte[] bytes, int length, String source, boolean convert, NpyDType expectedDtype,
            int[] expectedShape, float[] reuse) throws IOException {
        NpyHeader h = parseHeader(bytes, length, source);
        checkExpected(h, convert, expectedDtype, expectedShape);
        checkLength(h, length);
        int n = (int) h.count();
        float[] out = reuse != null && reuse.length == n ? reuse : new float[n];
        ByteBuffer buf = ByteBuffer.wrap(bytes, h.dataOffset(), length - h.dataOffset())
                .order(h.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        convertValues(buf, h.dtype(), out, n, source);
        if (h.fortranOrder() && h.shape().length > 1) {
            out = fortranToC(out, h.shape());
        }
        return new NpyArray(source, h.dtype(), h.shape(), out);
    }

    private static void convertValues(ByteBuffer buf, NpyDType dtype, float[] out, int n, String source)
            throws IOException {
        switch (dtype) {
            case FLOAT32 -> buf.asFloatBuffer().get(out, 0, n);
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) buf.getDouble();
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get();
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get() & 0xFF;
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    byte b = buf.get();
                    if (b != 0 && b != 1) {
                        throw new IOException(source + ": bool element " + i + " has byte value " + (b & 0xFF)
                                + ", expected 0 or 1");
                    }
                    out[i] = b;
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getShort();
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getShort() & 0xFFFF;
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getInt();
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getLong();
                }
            }
            default -> throw new AssertionError(dtype);
        }
    }

    /** Reorders column-major values to row-major. */
    private static float[] fortranToC(float[] f, int[] shape) {
        int rank = shape.length;
        float[] c = new float[f.length];
        int[] fStride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[rank];
        for (int i = 0; i < c.length; i++) {
            int off = 0;
            for (int k = 0; k < rank; k++) {
                off += idx[k] * fStride[k];
            }
            c[i] = f[off];
            for (int k = rank - 1; k >= 0; k--) { // odometer over the C-order index
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return c;
    }

    /**
     * Checks {@code file} as {@link #read(Path, NpyDType, int[], float[])} would, without reading its data:
     * the header (byte order, Fortran order, dtype, shape) and that the file is exactly as long as the
     * header says. Only the header's bytes are read, so a loader can check every file when it is opened.
     *
     * @param expectedDtype the type the file must have, or null for any
     * @param expectedShape the shape it must have (an entry of -1 matches any length), or null for any
     * @throws IOException naming the file and what is wrong
     */
    public static NpyHeader check(Path file, NpyDType expectedDtype, int[] expectedShape) throws IOException {
        RegularFiles.require(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = prefix(channel, (int) Math.min(size, HEADER_PEEK));
            long end = declaredHeaderEnd(head);
            if (end > head.length) {
                // A header longer than the first read (rare): read it whole, or the whole file if that is shorter.
                head = prefix(channel, (int) Math.min(Math.min(end, size), Integer.MAX_VALUE - 16));
            }
            NpyHeader h = parseHeader(head, head.length, file.toString());
            checkExpected(h, false, expectedDtype, expectedShape);
            checkLength(h, size);
            return h;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    /** The first {@code n} bytes of {@code channel}, fewer if it is shorter. */
    private static byte[] prefix(FileChannel channel, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        channel.position(0);
        while (buf.hasRemaining() && channel.read(buf) >= 0) {
            // read until full or end of file
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** Where the header ends, as the preamble declares it (format 1.0: 2-byte length, 2.0 and 3.0: 4-byte), or -1. */
    private static long declaredHeaderEnd(byte[] b) {
        if (b.length >= 10 && b[6] == 1) {
            return 10L + ((b[8] & 0xFF) | (b[9] & 0xFF) << 8);
        }
        if (b.length >= 12 && (b[6] == 2 || b[6] == 3)) {
            return 12L + ((b[8] & 0xFFL) | (b[9] & 0xFFL) << 8 | (b[10] & 0xFFL) << 16 | (b[11] & 0xFFL) << 24);
        }
        return -1;
    }

    /** Byte order and memory order (unless converting), dtype and shape, as the caller expects them. */
    private static void checkExpected(NpyHeader h, boolean convert, NpyDType expectedDtype, int[] expectedShape) throws IOException {
        String source = h.source();
        if (!convert && h.bigEndian()) {
            throw new IOException(source + ": big-endian data ('" + h.descr() + "') are not accepted; re-save it"
                    + " little-endian, e.g. np.save(path, a.astype('<" + h.dtype().code() + "'))");
        }
        if (!convert && h.fortranOrder() && h.shape().length > 1) {
            throw new IOException(source + ": Fortran-order data (fortran_order: True) are not accepted; re-save it"
                    + " in C order, e.g. np.save(path, np.ascontiguousarray(a))");
        }
        if (expectedDtype != null && h.dtype() != expectedDtype) {
            throw new IOException(source + ": dtype is '" + h.descr() + "', expected '" + expectedDtype.descr() + "'");
        }
        if (expectedShape != null && !shapeMatches(h.shape(), expectedShape)) {
            throw new IOException(source + ": shape is " + shapeString(h.shape()) + ", expected "
                    + shapeString(expectedShape).replace("-1", "any"));
        }
    }

    private static void checkLength(NpyHeader h, long fileLength) throws IOException {
        long have = fileLength - h.dataOffset();
        if (have < h.dataBytes()) {
            throw new IOException(h.source() + ": truncated: shape " + shapeString(h.shape()) + " of '" + h.descr()
                    + "' needs " + h.dataBytes() + " data bytes, the file has " + have);
        }
        if (have > h.dataBytes()) {
            throw new IOException(h.source() + ": " + (have - h.dataBytes()) + " unexpected bytes after the "
                    + h.dataBytes() + " data bytes of shape " + shapeString(h.shape()) + " of '" + h.descr() + "'");
        }
        if (h.count() > Integer.MAX_VALUE - 8) {
            throw new IOException(h.source() + ": " + h.count() + " elements are too many for one Java array");
        }
    }

    /**
     * Parses and checks the header at the start of {@code bytes}.
     *
     * @throws IOException naming {@code source} when the magic, version or dictionary is wrong
     */
    public static NpyHeader parseHeader(byte[] bytes, String source) throws IOException {
        return parseHeader(bytes, bytes.length, source);
    }

    private static NpyHeader parseHeader(byte[] bytes, int length, String source) throws IOException {
        if (length < 10) {
            throw new IOException(source + ": truncated: " + length + " bytes is shorter than any .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException(source + ": not a .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (length < 12) {
                throw new IOException(source + ": truncated inside the version " + major + ".0 header");
            }
            long len = (bytes[8] & 0xFFL) | (bytes[9] & 0xFFL) << 8 | (bytes[10] & 0xFFL) << 16 | (bytes[11] & 0xFFL) << 24;
            if (len > Integer.MAX_VALUE - 12) {
                throw new IOException(source + ": header length " + len + " is not plausible");
            }
            headerLength = (int) len;
            start = 12;
        } else {
            throw new IOException(source + ": unsupported .npy format version " + major + "." + minor
                    + "; supported: 1.0, 2.0, 3.0");
        }
        if (minor != 0) {
            throw new IOException(source + ": unsupported .npy format version " + major + "." + minor
                    + "; supported: 1.0, 2.0, 3.0");
        }
        if ((long) start + headerLength > length) {
            throw new IOException(source + ": truncated: the header declares " + headerLength + " bytes, the file has "
                    + (length - start) + " after the preamble");
        }
        // Versions 1 and 2 store the dictionary in latin-1, version 3 in UTF-8 (numpy's format spec).
        String text = new String(bytes, start, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict;
        try {
            dict = new HeaderParser(text).parse();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": the header does not parse: " + e.getMessage() + " in " + quote(text), e);
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new IOException(source + ": the header must have exactly the keys descr, fortran_order and shape; it has "
                    + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new IOException(source + ": structured dtypes are not supported; descr is " + dict.get("descr"));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IOException(source + ": fortran_order must be True or False, got " + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof int[] shape)) {
            throw new IOException(source + ": shape must be a tuple of integers, got " + dict.get("shape"));
        }
        if (descr.length() != 3) {
            throw new IOException(source + ": unsupported dtype '" + descr + "'; supported: " + NpyDType.supported());
        }
        NpyDType dtype = NpyDType.ofCode(descr.substring(1));
        char order = descr.charAt(0);
        if (dtype == null || "<>|=".indexOf(order) < 0) {
            throw new IOException(source + ": unsupported dtype '" + descr + "'; supported: " + NpyDType.supported());
        }
        if (dtype.size() > 1 && order == '|') {
            throw new IOException(source + ": dtype '" + descr + "' has no byte order ('|') but " + dtype.size()
                    + "-byte elements");
        }
        if (dtype.size() > 1 && order == '=') {
            throw new IOException(source + ": dtype '" + descr + "' is in the writer's native byte order, which is"
                    + " unknown; expected '<" + dtype.code() + "'");
        }
        return new NpyHeader(source, major, dtype, dtype.size() > 1 && order == '>', fortran, shape, start + headerLength);
    }

    private static String quote(String text) {
        String t = text.strip();
        return "'" + (t.length() > 120 ? t.substring(0, 120) + "..." : t) + "'";
    }

    private static byte[] readAll(Path file) throws IOException {
        RegularFiles.require(file);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    /** Writes a little-endian float32 C-order array, atomically (temporary file + rename). */
    public static void write(Path file, float[] data, int... shape) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, encode(data, shape));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The bytes of a {@code .npy} file holding {@code data} as little-endian float32 of {@code shape}. */
    public static byte[] encode(float[] data, int... shape) {
        byte[] header = header(NpyDType.FLOAT32.descr(), false, shape);
        checkCount(data.length, shape);
        ByteBuffer buf = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(header);
        buf.asFloatBuffer().put(data);
        return buf.array();
    }

    /** Writes {@code data} as a {@code .npy} stream to {@code out} (does not close it). */
    public static void write(OutputStream out, float[] data, int... shape) throws IOException {
        out.write(encode(data, shape));
    }

    /**
     * The preamble and padded header numpy would write for {@code descr}, {@code fortranOrder} and
     * {@code shape}: version 1.0 unless the header exceeds 65535 bytes, then 2.0.
     */
    public static byte[] header(String descr, boolean fortranOrder, int... shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': "
                + shapeString(shape) + ", }";
        int version = dict.length() + 1 + 10 > 65535 ? 2 : 1;
        int preamble = version == 1 ? 10 : 12;
        int total = preamble + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        String text = dict + " ".repeat(padded - total) + "\n";
        byte[] out = new byte[padded];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) version;
        out[7] = 0;
        int len = text.length();
        out[8] = (byte) len;
        out[9] = (byte) (len >>> 8);
        if (version == 2) {
            out[10] = (byte) (len >>> 16);
            out[11] = (byte) (len >>> 24);
        }
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, out, preamble, t.length);
        return out;
    }

    private static void checkCount(int length, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
        }
        if (count(shape) != length) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " needs " + count(shape) + " values, got "
                    + length);
        }
    }

    /** Reads all bytes of a stream, refusing more than {@code limit}. */
    static byte[] readStream(InputStream in, long limit, String source) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8) + 1);
        if (bytes.length > limit) {
            throw new IOException(source + ": larger than " + limit + " bytes");
        }
        return bytes;
    }

    /** The number of elements of {@code shape} (1 for a scalar). */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static boolean shapeMatches(int[] actual, int[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] != -1 && expected[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The subset of Python literal syntax numpy headers use: a dict of quoted string keys whose values
     * are quoted strings, True/False, or tuples of non-negative integers (Python 2's {@code L} suffix
     * allowed). A list value (a structured descr) is returned as a {@code List} so it can be refused.
     */
    private static final class HeaderParser {
        private final String s;
        private int pos;

        HeaderParser(String s) {
            this.s = s;
        }

        Map<String, Object> parse() {
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (dict.put(key, value()) != null) {
                    throw new IllegalArgumentException("duplicate key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("',' or '}'");
                }
            }
            pos++;
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text after the dictionary at offset " + pos);
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                return list();
            }
            throw error("a string, True, False or a tuple");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            skipSpace();
            boolean comma = false;
            while (peek() != ')') {
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("a non-negative integer");
                }
                long v = Long.parseLong(s.substring(start, Math.min(pos, start + 18)));
                if (pos - start > 10 || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("dimension " + s.substring(start, pos) + " is too large");
                }
                dims.add((int) v);
                if (peek() == 'L') {
                    pos++;
                }
                skipSpace();
                comma = false;
                if (peek() == ',') {
                    pos++;
                    comma = true;
                    skipSpace();
                } else if (peek() != ')') {
                    throw error("',' or ')'");
                }
            }
            if (dims.size() == 1 && !comma) {
                throw new IllegalArgumentException("(" + dims.get(0) + ") is not a tuple; a 1-tuple is written (n,)");
            }
            pos++;
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private List<Object> list() {
            int depth = 0;
            int start = pos;
            do {
                char c = peek();
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                pos++;
            } while (depth > 0);
            return List.of(s.substring(start, pos));
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("a quoted string");
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string at offset " + pos);
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of the header");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at offset " + pos + ", found '"
                    + (pos < s.length() ? s.charAt(pos) : "") + "'");
        }
    }
}
