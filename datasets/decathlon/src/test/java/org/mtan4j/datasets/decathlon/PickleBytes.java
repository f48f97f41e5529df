package org.mtan4j.datasets.decathlon;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds pickle bytes opcode by opcode, following the pickle protocol 2 specification (Python's
 * pickletools documents each opcode), the way Python 2's cPickle writes a dict of numpy arrays and
 * float lists.
 */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int memo;

    PickleBytes op(int code) {
        out.write(code);
        return this;
    }

    PickleBytes proto2() {
        return op(0x80).op(2);
    }

    PickleBytes put() {
        return op('q').op(memo++);
    }

    PickleBytes get(int index) {
        return op('h').op(index);
    }

    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return op('U').op(b.length).raw(b);
    }

    PickleBytes bytes(byte[] b) {
        return op('U').op(b.length).raw(b);
    }

    PickleBytes int1(int v) {
        return op('K').op(v);
    }

    PickleBytes int4(int v) {
        op('J');
        return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    PickleBytes binfloat(double v) {
        op('G');
        return raw(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(v).array());
    }

    PickleBytes global(String module, String name) {
        op('c');
        return raw((module + "\n" + name + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    PickleBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /**
     * A 1-D little-endian float64 numpy array as numpy pickles it: {@code _reconstruct(ndarray, (0,),
     * 'b')} then BUILD with {@code (1, (n,), dtype('f8') built with (3, '<', None, None, None, -1, -1, 0),
     * False, raw bytes)}. The first call stores the globals in the memo at 1 and 2 (as cPickle does);
     * later calls fetch them with BINGET.
     */
    PickleBytes array(double[] values, boolean first) {
        if (first) {
            global("numpy.core.multiarray", "_reconstruct").put();
            global("numpy", "ndarray").put();
        } else {
            get(1).get(2);
        }
        int1(0).op(0x85).str("b").op(0x87).op('R');
        op('(').int1(1).int1(values.length).op(0x85);
        global("numpy", "dtype").str("f8").int1(0).int1(1).op(0x87).op('R');
        op('(').int1(3).str("<").op('N').op('N').op('N').int4(-1).int4(-1).int1(0).op('t').op('b');
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        return op(0x89).bytes(data.array()).op('t').op('b');
    }

    /** A list of floats: EMPTY_LIST, MARK, BINFLOAT..., APPENDS. */
    PickleBytes floatList(double... values) {
        op(']').op('(');
        for (double v : values) {
            binfloat(v);
        }
        return op('e');
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** The devkit's layout for one domain with an array mean and a list std, and imagenet12 as lists. */
    static byte[] devkit(String domain, double[] mean, double[] std) {
        return new PickleBytes().proto2().op('}').put().op('(')
                .str(domain + "mean").array(mean, true)
                .str(domain + "std").floatList(std)
                .str("imagenet12mean").floatList(0.485, 0.456, 0.406)
                .str("imagenet12std").array(new double[] {0.229, 0.224, 0.225}, false)
                .op('u').op('.').toBytes();
    }
}
