package org.mtan4j.datasets.decathlon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Visual Decathlon devkit's {@code decathlon_mean_std.pickle} without Python: a Python 2
 * pickle (protocol 2) of a dict whose keys are {@code <domain>mean} / {@code <domain>std} and whose
 * values are either lists of floats or 1-D numpy float arrays.
 *
 * <p>This is a minimal pickle virtual machine for exactly that case, not a general unpickler: it
 * knows the opcodes protocols 0-2 use for dicts, lists, tuples, strings, ints, floats, None and
 * booleans, and of globals only {@code numpy.dtype} and numpy's {@code _reconstruct} (an array is
 * rebuilt from its BUILD state: shape, dtype with byte order, Fortran flag, raw bytes). Anything else
 * is refused with a message naming the file, the opcode and its offset; nothing is ever executed.
 */
final class MeanStdPickle {

    private static final Object MARK = new Object();

    private MeanStdPickle() {
    }

    /** A numpy dtype as pickled: its code ({@code f8}) and, after BUILD, its byte order. */
    private static final class DType {
        final String code;
        char order = '<';

        DType(String code) {
            this.code = code;
        }
    }

    /** A numpy array as pickled, filled in by BUILD. */
    private static final class Array {
        double[] values;
    }

    /** A global reference to a callable ({@code module.name}). */
    private record Global(String name) {
    }

    /** The result of calling a global on arguments, before BUILD. */
    private record Call(Global global, List<Object> args) {
    }

    /**
     * Reads the dict, keeping only entries whose values are numeric vectors.
     *
     * @throws IOException naming the file when it is missing, truncated or not this kind of pickle
     */
    static Map<String, double[]> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        return parse(bytes, file.toString());
    }

    static Map<String, double[]> parse(byte[] bytes, String source) throws IOException {
        Object top;
        try {
            top = run(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), source);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(source + ": truncated pickle", e);
        } catch (ClassCastException | IllegalStateException e) {
            throw new IOException(source + ": not a pickled dict of mean/std vectors: " + e.getMessage(), e);
        }
        if (!(top instanceof Map<?, ?> dict)) {
            throw new IOException(source + ": the pickle holds " + describe(top) + ", expected a dict");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            double[] v = vector(e.getValue());
            if (e.getKey() instanceof String key && v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    private static double[] vector(Object value) {
        if (value instanceof Array a) {
            return a.values;
        }
        if (value instanceof List<?> list) {
            double[] v = new double[list.size()];
            for (int i = 0; i < v.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                v[i] = n.doubleValue();
            }
            return v;
        }
        return null;
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static Object run(ByteBuffer in, String source) throws IOException {
        Deque<Object> stack = new ArrayDeque<>();
        Map<Integer, Object> memo = new HashMap<>();
        while (true) {
            int at = in.position();
            int op = in.get() & 0xFF;
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = in.get() & 0xFF;
                    if (proto > 2) {
                        throw new IOException(source + ": pickle protocol " + proto + " is not supported (the devkit uses 2)");
                    }
                }
                case '.' -> { // STOP
                    return pop(stack);
                }
                case '}' -> stack.push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case ']' -> stack.push(new ArrayList<Object>()); // EMPTY_LIST
                case ')' -> stack.push(List.of()); // EMPTY_TUPLE
                case '(' -> stack.push(MARK); // MARK
                case 'N' -> stack.push(NullValue.NONE); // NONE
                case 0x88 -> stack.push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> stack.push(Boolean.FALSE); // NEWFALSE
                case 'K' -> stack.push((long) (in.get() & 0xFF)); // BININT1
                case 'M' -> stack.push((long) (in.getShort() & 0xFFFF)); // BININT2
                case 'J' -> stack.push((long) in.getInt()); // BININT
                case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT is big-endian
                case 'U' -> stack.push(string(in, in.get() & 0xFF, StandardCharsets.ISO_8859_1)); // SHORT_BINSTRING
                case 'T' -> stack.push(string(in, in.getInt(), StandardCharsets.ISO_8859_1)); // BINSTRING
                case 'X' -> stack.push(string(in, in.getInt(), StandardCharsets.UTF_8)); // BINUNICODE
                case 'q' -> memo.put(in.get() & 0xFF, stack.peek()); // BINPUT
                case 'r' -> memo.put(in.getInt(), stack.peek()); // LONG_BINPUT
                case 'h' -> stack.push(memoGet(memo, in.get() & 0xFF, source, at)); // BINGET
                case 'j' -> stack.push(memoGet(memo, in.getInt(), source, at)); // LONG_BINGET
                case 0x85 -> stack.push(List.of(pop(stack))); // TUPLE1
                case 0x86 -> { // TUPLE2
                    Object b = pop(stack);
                    stack.push(List.of(pop(stack), b));
                }
                case 0x87 -> { // TUPLE3
                    Object c = pop(stack);
                    Object b = pop(stack);
                    stack.push(List.of(pop(stack), b, c));
                }
                case 't' -> stack.push(List.copyOf(popToMark(stack))); // TUPLE
                case 'l' -> stack.push(new ArrayList<>(popToMark(stack))); // LIST
                case 'a' -> { // APPEND
                    Object v = pop(stack);
                    ((List<Object>) stack.peek()).add(v);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popToMark(stack);
                    ((List<Object>) stack.peek()).addAll(items);
                }
                case 's' -> { // SETITEM
                    Object v = pop(stack);
                    Object k = pop(stack);
                    ((Map<Object, Object>) stack.peek()).put(k, v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popToMark(stack);
                    Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        dict.put(items.get(i), items.get(i + 1));
                    }
                }
                case 'c' -> { // GLOBAL module\nname\n
                    String name = line(in) + "." + line(in);
                    if (!name.equals("numpy.dtype") && !name.equals("numpy.ndarray") && !name.endsWith("multiarray._reconstruct")) {
                        throw new IOException(source + ": refuses global " + name + " at offset " + at
                                + "; only numpy arrays of floats are expected");
                    }
                    stack.push(new Global(name));
                }
                case 'R' -> { // REDUCE
                    List<Object> args = (List<Object>) pop(stack);
                    Global g = (Global) pop(stack);
                    stack.push(g.name().equals("numpy.dtype") ? new DType((String) args.get(0)) : new Call(g, args));
                }
                case 'b' -> { // BUILD
                    List<Object> state = (List<Object>) pop(stack);
                    Object target = pop(stack);
                    stack.push(build(target, state, source, at));
                }
                default -> throw new IOException(source + ": unsupported pickle opcode 0x" + Integer.toHexString(op)
                        + " at offset " + at);
            }
        }
    }

    /** Placeholder for Python's None (the stack does not take nulls). */
    private enum NullValue { NONE }

    private static Object build(Object target, List<Object> state, String source, int at) throws IOException {
        if (target instanceof DType d) {
            // numpy's dtype state: (version, byte order, ...).
            d.order = ((String) state.get(1)).charAt(0);
            return d;
        }
        if (target instanceof Call) {
            // numpy's ndarray state: (version, shape, dtype, is_fortran, raw data).
            List<?> shape = (List<?>) state.get(1);
            DType d = (DType) state.get(2);
            String raw = (String) state.get(4);
            long n = 1;
            for (Object s : shape) {
                n *= (Long) s;
            }
            byte[] data = raw.getBytes(StandardCharsets.ISO_8859_1);
            int size = d.code.equals("f8") ? 8 : d.code.equals("f4") ? 4 : -1;
            if (size < 0) {
                throw new IOException(source + ": array of dtype " + d.code + " at offset " + at + "; expected f4 or f8");
            }
            if (data.length != n * size) {
                throw new IOException(source + ": array at offset " + at + " has " + data.length + " bytes for " + n
                        + " elements of " + d.code);
            }
            ByteBuffer b = ByteBuffer.wrap(data).order(d.order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            Array a = new Array();
            a.values = new double[(int) n];
            for (int i = 0; i < n; i++) {
                a.values[i] = size == 8 ? b.getDouble() : b.getFloat();
            }
            return a;
        }
        throw new IOException(source + ": BUILD at offset " + at + " on " + describe(target) + " is not supported");
    }

    private static Object memoGet(Map<Integer, Object> memo, int key, String source, int at) throws IOException {
        Object v = memo.get(key);
        if (v == null) {
            throw new IOException(source + ": memo entry " + key + " read at offset " + at + " was never stored");
        }
        return v;
    }

    private static Object pop(Deque<Object> stack) {
        if (stack.isEmpty()) {
            throw new IllegalStateException("stack underflow");
        }
        return stack.pop();
    }

    private static List<Object> popToMark(Deque<Object> stack) {
        ArrayList<Object> items = new ArrayList<>();
        while (true) {
            Object o = pop(stack);
            if (o == MARK) {
                break;
            }
            items.add(o);
        }
        java.util.Collections.reverse(items);
        return items;
    }

    private static String string(ByteBuffer in, int length, java.nio.charset.Charset cs) {
        if (length < 0 || length > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, cs);
    }

    private static String line(ByteBuffer in) {
        StringBuilder sb = new StringBuilder();
        byte c;
        while ((c = in.get()) != '\n') {
            sb.append((char) (c & 0xFF));
        }
        return sb.toString();
    }
}
