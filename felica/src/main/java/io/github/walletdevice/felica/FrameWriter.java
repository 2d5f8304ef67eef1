package io.github.walletdevice.felica;

import java.util.List;

/** Writes a frame of a known length into one array, LEN byte first. */
final class FrameWriter {

    /** The most bytes a frame can have: LEN is one byte and counts itself. */
    static final int MAX_FRAME_LENGTH = 255;

    private final byte[] b;
    private int pos;

    private FrameWriter(int length, int code) {
        b = new byte[length];
        b[0] = (byte) length;
        b[1] = (byte) code;
        pos = 2;
    }

    static FrameWriter start(int length, int code) {
        return new FrameWriter(length, code);
    }

    /** Fails with the limit's name when a frame would not fit the LEN byte. */
    static void checkLength(int length, String frame) {
        if (length > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("the " + frame + " frame would be " + length
                    + " bytes, but a FeliCa frame holds at most 255 bytes including LEN");
        }
    }

    static <T> List<T> copyList(List<T> list, String what, int min, int max) {
        List<T> copy = List.copyOf(list);
        if (copy.size() < min || copy.size() > max) {
            throw new IllegalArgumentException("the number of " + what + " must be " + min + "–" + max + ", got "
                    + copy.size());
        }
        return copy;
    }

    FrameWriter u8(int v) {
        b[pos++] = (byte) v;
        return this;
    }

    FrameWriter le16(int v) {
        b[pos++] = (byte) v;
        b[pos++] = (byte) (v >>> 8);
        return this;
    }

    FrameWriter be16(int v) {
        b[pos++] = (byte) (v >>> 8);
        b[pos++] = (byte) v;
        return this;
    }

    FrameWriter be64(long v) {
        Bytes.putBe64(b, pos, v);
        pos += 8;
        return this;
    }

    FrameWriter idm(Idm idm) {
        return be64(idm.value());
    }

    FrameWriter bytes(byte[] data) {
        System.arraycopy(data, 0, b, pos, data.length);
        pos += data.length;
        return this;
    }

    FrameWriter element(BlockListElement e) {
        pos = e.writeTo(b, pos);
        return this;
    }

    byte[] done() {
        if (pos != b.length) {
            throw new IllegalStateException("frame length mismatch: wrote " + pos + " of " + b.length);
        }
        return b;
    }
}
