package io.github.walletdevice.felica;

import io.github.walletdevice.felica.internal.Bytes;

/**
 * A cursor over an input array for the decoder. Every read checks the bounds first and reports problems as
 * {@link FelicaFormatException} with the index in the input array, so no other exception can escape.
 */
final class FrameReader {

    private final byte[] b;
    private int pos;
    private final int end;

    /**
     * Reads {@code b} from {@code pos} up to {@code end} (exclusive); the array is read in place, not copied.
     *
     * @param b the input
     * @param pos the first index to read
     * @param end the index after the last byte
     */
    public FrameReader(byte[] b, int pos, int end) {
        this.b = b;
        this.pos = pos;
        this.end = end;
    }

    /**
     * Returns the index of the next byte in the input array.
     *
     * @return the index
     */
    public int position() {
        return pos;
    }

    /**
     * Returns the number of bytes left.
     *
     * @return 0 or more
     */
    public int remaining() {
        return end - pos;
    }

    /**
     * Returns the next byte without reading it.
     *
     * @param field what the byte is, for the message
     * @return 0–255
     * @throws FelicaFormatException if no byte is left
     */
    public int peek(String field) {
        need(1, field);
        return b[pos] & 0xFF;
    }

    /**
     * Fails unless {@code n} more bytes are left.
     *
     * @param n the number of bytes needed
     * @param field what they are, for the message
     * @throws FelicaFormatException if fewer are left
     */
    public void need(int n, String field) {
        if (end - pos < n) {
            throw new FelicaFormatException(pos, "the frame ends before " + field + " (" + n + " byte"
                    + (n == 1 ? "" : "s") + " needed, " + (end - pos) + " left)");
        }
    }

    /**
     * Reads one byte.
     *
     * @param field what it is, for the message
     * @return 0–255
     * @throws FelicaFormatException if no byte is left
     */
    public int u8(String field) {
        need(1, field);
        return b[pos++] & 0xFF;
    }

    /**
     * Reads a little-endian 16-bit number.
     *
     * @param field what it is, for the message
     * @return 0–65535
     * @throws FelicaFormatException if fewer than 2 bytes are left
     */
    public int le16(String field) {
        need(2, field);
        int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /**
     * Reads a big-endian 16-bit number.
     *
     * @param field what it is, for the message
     * @return 0–65535
     * @throws FelicaFormatException if fewer than 2 bytes are left
     */
    public int be16(String field) {
        need(2, field);
        int v = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /**
     * Reads a big-endian 64-bit number.
     *
     * @param field what it is, for the message
     * @return the number
     * @throws FelicaFormatException if fewer than 8 bytes are left
     */
    public long be64(String field) {
        need(8, field);
        long v = Bytes.be64(b, pos);
        pos += 8;
        return v;
    }

    /**
     * Reads an IDm.
     *
     * @return the IDm
     * @throws FelicaFormatException if fewer than 8 bytes are left
     */
    public Idm idm() {
        return new Idm(be64("the IDm"));
    }

    /**
     * Reads {@code n} bytes into a new array.
     *
     * @param n the number of bytes
     * @param field what they are, for the message
     * @return the bytes
     * @throws FelicaFormatException if fewer are left
     */
    public byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    /**
     * Reads the 2 reserved bytes, which must be {@code 00 00}.
     *
     * @throws FelicaFormatException if they are missing or not zero
     */
    public void reserved() {
        int at = pos;
        int v = le16("the reserved bytes");
        if (v != 0) {
            throw new FelicaFormatException(at, "the reserved bytes must be 0000, got "
                    + Bytes.HEX.toHexDigits((byte) v) + Bytes.HEX.toHexDigits((byte) (v >>> 8)));
        }
    }

    /**
     * Reads a count byte that must lie in {@code min..max}.
     *
     * @param field what it counts, for the message
     * @param min the smallest count allowed
     * @param max the largest count allowed
     * @return the count
     * @throws FelicaFormatException if the byte is missing or out of range
     */
    public int count(String field, int min, int max) {
        int at = pos;
        int n = u8(field);
        if (n < min || n > max) {
            throw new FelicaFormatException(at, field + " must be " + min + "–" + max + ", got " + n);
        }
        return n;
    }

    /**
     * Fails unless the whole input has been read.
     *
     * @param frame the frame's name, for the message
     * @throws FelicaFormatException if bytes are left
     */
    public void end(String frame) {
        if (pos != end) {
            throw new FelicaFormatException(pos, (end - pos) + " unexpected byte" + (end - pos == 1 ? "" : "s")
                    + " after the end of the " + frame + " frame");
        }
    }
}
