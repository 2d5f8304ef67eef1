package io.github.walletdevice.felica;

import java.util.Arrays;

/** Byte-order helpers shared by the codec and the virtual card. */
final class Bytes {

    /** The empty array: it has no content to change, so it is shared instead of copied. */
    static final byte[] EMPTY = new byte[0];

    /**
     * The arrays the current thread's decoder has just made and offers to the record constructor it calls next;
     * {@link #copy} and {@link #copyExact} keep an offered array instead of copying it. A record has no constructor
     * that skips its public canonical one, and that one must copy what callers pass, so ownership is handed over by
     * identity: an offered array is fresh and reachable only from the decoder, never from a caller, so an array a
     * caller passes is always copied. Two slots, for records with two arrays; the value is of a JDK type so that a
     * pooled thread does not pin this class loader, and {@link #withdraw} empties it again.
     */
    private static final ThreadLocal<byte[][]> OFFERED = ThreadLocal.withInitial(() -> new byte[2][]);

    private Bytes() {
    }

    /**
     * Offers a fresh array to the next constructor on this thread; call {@link #withdraw} in a {@code finally}.
     *
     * @param fresh an array nobody else holds
     * @return the slots to pass to {@link #withdraw}
     */
    static byte[][] offer(byte[] fresh) {
        byte[][] slots = OFFERED.get();
        slots[0] = fresh;
        return slots;
    }

    /**
     * Offers two fresh arrays to the next constructor on this thread; call {@link #withdraw} in a {@code finally}.
     *
     * @param fresh an array nobody else holds
     * @param fresh2 another
     * @return the slots to pass to {@link #withdraw}
     */
    static byte[][] offer(byte[] fresh, byte[] fresh2) {
        byte[][] slots = OFFERED.get();
        slots[0] = fresh;
        slots[1] = fresh2;
        return slots;
    }

    /**
     * Ends an offer, kept or not.
     *
     * @param slots what {@link #offer} returned
     */
    static void withdraw(byte[][] slots) {
        slots[0] = null;
        slots[1] = null;
    }

    /** Returns {@code b} itself if it was offered on this thread (and takes it out of the offer), else null. */
    private static byte[] take(byte[] b) {
        if (b.length == 0) {
            return EMPTY;
        }
        byte[][] slots = OFFERED.get();
        if (b == slots[0]) {
            slots[0] = null;
            return b;
        }
        if (b == slots[1]) {
            slots[1] = null;
            return b;
        }
        return null;
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
        byte[] kept = take(b);
        return kept != null ? kept : b.clone();
    }

    static byte[] copyExact(byte[] b, int length, String what) {
        if (b == null) {
            throw new NullPointerException(what + " is null");
        }
        if (b.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
        }
        byte[] kept = take(b);
        return kept != null ? kept : b.clone();
    }

    static int hash(byte[] b) {
        return Arrays.hashCode(b);
    }
}
