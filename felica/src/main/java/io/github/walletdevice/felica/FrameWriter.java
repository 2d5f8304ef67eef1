package io.github.walletdevice.felica;

import io.github.walletdevice.felica.internal.Bytes;

import java.util.List;

/** Writes a frame of a known length into one array, LEN byte first. */
final class FrameWriter {

    /** The most bytes a frame can have: LEN is one byte and counts itself. */
    public static final int MAX_FRAME_LENGTH = 255;

    private final byte[] b;
    private int pos;

    private FrameWriter(int length, int code) {
        b = new byte[length];
        b[0] = (byte) length;
        b[1] = (byte) code;
        pos = 2;
    }

    /**
     * Starts a frame: writes LEN and the code.
     *
     * @param length the frame's size, LEN included
     * @param code the command or response code
     * @return the writer
     */
    public static FrameWriter start(int length, int code) {
        return new FrameWriter(length, code);
    }

    /**
     * Fails with the limit's name when a frame would not fit the LEN byte.
     *
     * @param length the frame's size, LEN included
     * @param frame the frame's name, for the message
     * @throws IllegalArgumentException if {@code length} is over 255
     */
    public static void checkLength(int length, String frame) {
        if (length > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("the " + frame + " frame would be " + length
                    + " bytes, but a FeliCa frame holds at most 255 bytes including LEN");
        }
    }

    /**
     * Copies a list a record keeps and checks its size.
     *
     * @param <T> the element type
     * @param list the list
     * @param what its name, for the message
     * @param min the fewest elements allowed
     * @param max the most elements allowed
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the size is out of range
     * @throws NullPointerException if the list or an element is null
     */
    public static <T> List<T> copyList(List<T> list, String what, int min, int max) {
        List<T> copy = List.copyOf(list);
        if (copy.size() < min || copy.size() > max) {
            throw new IllegalArgumentException("the number of " + what + " must be " + min + "–" + max + ", got "
                    + copy.size());
        }
        return copy;
    }

    /**
     * Writes one byte.
     *
     * @param v the low 8 bits are written
     * @return this writer
     */
    public FrameWriter u8(int v) {
        b[pos++] = (byte) v;
        return this;
    }

    /**
     * Writes a little-endian 16-bit number.
     *
     * @param v the low 16 bits are written
     * @return this writer
     */
    public FrameWriter le16(int v) {
        b[pos++] = (byte) v;
        b[pos++] = (byte) (v >>> 8);
        return this;
    }

    /**
     * Writes a big-endian 16-bit number.
     *
     * @param v the low 16 bits are written
     * @return this writer
     */
    public FrameWriter be16(int v) {
        b[pos++] = (byte) (v >>> 8);
        b[pos++] = (byte) v;
        return this;
    }

    /**
     * Writes a big-endian 64-bit number.
     *
     * @param v the number
     * @return this writer
     */
    public FrameWriter be64(long v) {
        Bytes.putBe64(b, pos, v);
        pos += 8;
        return this;
    }

    /**
     * Writes an IDm.
     *
     * @param idm the IDm
     * @return this writer
     */
    public FrameWriter idm(Idm idm) {
        return be64(idm.value());
    }

    /**
     * Writes bytes.
     *
     * @param data the bytes
     * @return this writer
     */
    public FrameWriter bytes(byte[] data) {
        System.arraycopy(data, 0, b, pos, data.length);
        pos += data.length;
        return this;
    }

    /**
     * Returns the frame once every byte has been written.
     *
     * @return the frame
     * @throws IllegalStateException if fewer or more bytes were written than the length announced
     */
    public byte[] done() {
        if (pos != b.length) {
            throw new IllegalStateException("frame length mismatch: wrote " + pos + " of " + b.length);
        }
        return b;
    }
}
