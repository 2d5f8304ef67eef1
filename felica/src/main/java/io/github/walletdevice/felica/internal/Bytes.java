package io.github.walletdevice.felica.internal;

import java.util.HexFormat;

/** Byte-order and hex helpers shared by the codec's types; not part of the API. */
public final class Bytes {

    /** The empty array: it has no content to change, so it is shared instead of copied. */
    public static final byte[] EMPTY = new byte[0];

    /** Uppercase hex without separators, the text form used everywhere in this module. */
    public static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Bytes() {
    }

    /**
     * Reads 8 bytes as a big-endian number.
     *
     * @param b the array
     * @param off where the 8 bytes start
     * @return the number
     */
    public static long be64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * Writes a number as 8 big-endian bytes.
     *
     * @param b the array
     * @param off where to write
     * @param v the number
     */
    public static void putBe64(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    /**
     * Returns a number as 8 big-endian bytes.
     *
     * @param v the number
     * @return a new array
     */
    public static byte[] be64(long v) {
        byte[] b = new byte[8];
        putBe64(b, 0, v);
        return b;
    }

    /**
     * Copies an array a record keeps, so that the caller's array stays the caller's.
     *
     * @param b the array
     * @param what its name, for the message
     * @return a copy
     * @throws NullPointerException naming {@code what} if {@code b} is null
     */
    public static byte[] copy(byte[] b, String what) {
        if (b == null) {
            throw new NullPointerException(what + " is null");
        }
        return b.length == 0 ? EMPTY : b.clone();
    }

    /**
     * Copies an array that must have exactly {@code length} bytes.
     *
     * @param b the array
     * @param length the size it must have
     * @param what its name, for the message
     * @return a copy
     * @throws NullPointerException naming {@code what} if {@code b} is null
     * @throws IllegalArgumentException if the size differs
     */
    public static byte[] copyExact(byte[] b, int length, String what) {
        if (b == null) {
            throw new NullPointerException(what + " is null");
        }
        if (b.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
        }
        return b.length == 0 ? EMPTY : b.clone();
    }

    /**
     * Parses hex text, ignoring spaces, colons, dashes, underscores and a leading {@code 0x}.
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException if the text is null, not hex or has an odd number of digits
     */
    public static byte[] parseHex(String text) {
        if (text == null) {
            throw new IllegalArgumentException("hex text is null");
        }
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        StringBuilder digits = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == ':' || c == '-' || c == '_') {
                continue;
            }
            if (!HexFormat.isHexDigit(c)) {
                throw new IllegalArgumentException("not a hex digit: '" + c + "' in \"" + text + "\"");
            }
            digits.append(c);
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in \"" + text + "\"");
        }
        return HEX.parseHex(digits);
    }

    /**
     * Parses hex text that must hold exactly 8 bytes, as a big-endian number.
     *
     * @param text the text, as {@link #parseHex} reads it
     * @param what its name, for the message
     * @return the number
     * @throws IllegalArgumentException if the text is not 8 bytes of hex
     */
    public static long parseLong8(String text, String what) {
        byte[] b = parseHex(text);
        if (b.length != 8) {
            throw new IllegalArgumentException(what + " must be 8 bytes (16 hex digits), got " + b.length + " bytes");
        }
        return be64(b, 0);
    }
}
