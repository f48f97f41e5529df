package org.mtan4j.datasets.decathlon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The minimal unpickler on bytes built by hand following the protocol 2 specification. */
class MeanStdPickleTest {

    @Test
    void readsArraysAndListsOfTheDevkitsDict() throws IOException {
        byte[] bytes = PickleBytes.devkit("cifar100", new double[] {0.50705882, 0.48666667, 0.44078431},
                new double[] {0.26745098, 0.25647059, 0.27607843});
        Map<String, double[]> m = MeanStdPickle.parse(bytes, "test.pickle");
        assertEquals(List.of("cifar100mean", "cifar100std", "imagenet12mean", "imagenet12std"), List.copyOf(m.keySet()));
        assertArrayEquals(new double[] {0.50705882, 0.48666667, 0.44078431}, m.get("cifar100mean"));
        assertArrayEquals(new double[] {0.26745098, 0.25647059, 0.27607843}, m.get("cifar100std"));
        assertArrayEquals(new double[] {0.485, 0.456, 0.406}, m.get("imagenet12mean"));
        assertArrayEquals(new double[] {0.229, 0.224, 0.225}, m.get("imagenet12std"));
    }

    @Test
    void readsSetitemAndBigEndianArrays() throws IOException {
        PickleBytes p = new PickleBytes().proto2().op('}').put().str("xmean");
        p.global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray").int1(0).op(0x85).str("b").op(0x87).op('R');
        p.op('(').int1(1).int1(2).op(0x85).global("numpy", "dtype").str("f4").int1(0).int1(1).op(0x87).op('R');
        p.op('(').int1(3).str(">").op('N').op('N').op('N').int4(-1).int4(-1).int1(0).op('t').op('b');
        p.op(0x89).bytes(new byte[] {0x3f, (byte) 0x80, 0, 0, 0x40, 0, 0, 0}).op('t').op('b');
        Map<String, double[]> m = MeanStdPickle.parse(p.op('s').op('.').toBytes(), "t");
        assertArrayEquals(new double[] {1, 2}, m.get("xmean"));
    }

    @Test
    void refusesTruncatedForeignAndUnknownPickles() {
        byte[] whole = PickleBytes.devkit("dtd", new double[] {1, 2, 3}, new double[] {1, 1, 1});
        IOException e = assertThrows(IOException.class, () -> MeanStdPickle.parse(Arrays.copyOf(whole, whole.length - 20), "t.pickle"));
        assertTrue(e.getMessage().startsWith("t.pickle: truncated"), e.getMessage());
        byte[] evil = new PickleBytes().proto2().global("os", "system").str("echo").op(0x85).op('R').op('.').toBytes();
        e = assertThrows(IOException.class, () -> MeanStdPickle.parse(evil, "evil.pickle"));
        assertTrue(e.getMessage().startsWith("evil.pickle: refuses global os.system"), e.getMessage());
        byte[] proto4 = {(byte) 0x80, 4, '}', '.'};
        e = assertThrows(IOException.class, () -> MeanStdPickle.parse(proto4, "p4"));
        assertTrue(e.getMessage().contains("protocol 4"), e.getMessage());
        byte[] list = new PickleBytes().proto2().floatList(1, 2).op('.').toBytes();
        e = assertThrows(IOException.class, () -> MeanStdPickle.parse(list, "l"));
        assertTrue(e.getMessage().contains("expected a dict"), e.getMessage());
        byte[] unknown = {(byte) 0x80, 2, '}', (byte) 0x95, '.'};
        e = assertThrows(IOException.class, () -> MeanStdPickle.parse(unknown, "u"));
        assertTrue(e.getMessage().contains("unsupported pickle opcode 0x95 at offset 3"), e.getMessage());
    }
}
