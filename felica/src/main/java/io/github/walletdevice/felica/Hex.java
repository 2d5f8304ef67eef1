package io.github.walletdevice.felica;

import java.util.HexFormat;

/** Uppercase hex without separators, the text form used everywhere in this module. */
final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    static String of(byte[] bytes, int from, int to) {
        return UPPER.formatHex(bytes, from, to);
    }

    /** Two hex digits of the low byte of {@code value}. */
    static String hex2(int value) {
        return new String(new char[] {DIGITS[(value >>> 4) & 0xF], DIGITS[value & 0xF]});
    }

    /** Four hex digits of the low 16 bits of {@code value}: how codes print. */
    static String hex4(int value) {
        return new String(new char[] {
            DIGITS[(value >>> 12) & 0xF], DIGITS[(value >>> 8) & 0xF], DIGITS[(value >>> 4) & 0xF], DIGITS[value & 0xF]
        });
    }

    /** Sixteen hex digits of {@code value}. */
    static String hex16(long value) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(c);
    }

    /**
     * Parses hex text, ignoring spaces, colons and a leading {@code 0x}.
     *
     * @throws IllegalArgumentException if the text is not hex or has an odd number of digits
     */
    static byte[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("hex text is null");
        }
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == ':' || c == '-' || c == '_') {
                continue;
            }
            if (!HexFormat.isHexDigit(c)) {
                throw new IllegalArgumentException("not a hex digit: '" + c + "' in \"" + text + "\"");
            }
            sb.append(c);
        }
        if (sb.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in \"" + text + "\"");
        }
        return HexFormat.of().parseHex(sb);
    }

    /** Parses hex text that must hold exactly 8 bytes, as a big-endian long. */
    static long parseLong8(String text, String what) {
        byte[] b = parse(text);
        if (b.length != 8) {
            throw new IllegalArgumentException(what + " must be 8 bytes (16 hex digits), got " + b.length + " bytes");
        }
        return Bytes.be64(b, 0);
    }
}
