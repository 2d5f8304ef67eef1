package io.github.walletdevice.felica;

/**
 * A cursor over an input array for the decoder. Every read checks the bounds first and reports problems as
 * {@link FelicaFormatException} with the index in the input array, so no other exception can escape.
 */
final class FrameReader {

    final byte[] b;
    int pos;
    final int end;

    FrameReader(byte[] b, int pos, int end) {
        this.b = b;
        this.pos = pos;
        this.end = end;
    }

    int remaining() {
        return end - pos;
    }

    void need(int n, String field) {
        if (end - pos < n) {
            throw new FelicaFormatException(pos, "the frame ends before " + field + " (" + n + " byte"
                    + (n == 1 ? "" : "s") + " needed, " + (end - pos) + " left)");
        }
    }

    int u8(String field) {
        need(1, field);
        return b[pos++] & 0xFF;
    }

    int le16(String field) {
        need(2, field);
        int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int be16(String field) {
        need(2, field);
        int v = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long be64(String field) {
        need(8, field);
        long v = Bytes.be64(b, pos);
        pos += 8;
        return v;
    }

    Idm idm() {
        return new Idm(be64("the IDm"));
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads the 2 reserved bytes that must be {@code 00 00}. */
    void reserved() {
        int at = pos;
        int v = le16("the reserved bytes");
        if (v != 0) {
            throw new FelicaFormatException(at, "the reserved bytes must be 0000, got " + Hex.hex2(v) + Hex.hex2(v >>> 8));
        }
    }

    /** Reads a count byte that must lie in {@code min..max}. */
    int count(String field, int min, int max) {
        int at = pos;
        int n = u8(field);
        if (n < min || n > max) {
            throw new FelicaFormatException(at, field + " must be " + min + "–" + max + ", got " + n);
        }
        return n;
    }

    /** Fails unless the whole input has been read. */
    void end(String frame) {
        if (pos != end) {
            throw new FelicaFormatException(pos, (end - pos) + " unexpected byte" + (end - pos == 1 ? "" : "s")
                    + " after the end of the " + frame + " frame");
        }
    }
}
