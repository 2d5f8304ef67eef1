package io.github.walletdevice.felica;

import java.util.Arrays;

/** Byte-order helpers shared by the codec and the virtual card. */
final class Bytes {

    private Bytes() {
    }

    static long be64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void putBe64(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static byte[] be64(long v) {
        byte[] b = new byte[8];
        putBe64(b, 0, v);
        return b;
    }

    static byte[] copy(byte[] b, String what) {
        if (b == null) {
            throw new NullPointerException(what + " is null");
        }
        return b.clone();
    }

    static byte[] copyExact(byte[] b, int length, String what) {
        if (b == null) {
            throw new NullPointerException(what + " is null");
        }
        if (b.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
        }
        return b.clone();
    }

    static int hash(byte[] b) {
        return Arrays.hashCode(b);
    }
}
