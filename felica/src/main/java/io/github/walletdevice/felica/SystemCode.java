package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
/**
 * A 16-bit FeliCa system code. System codes are <b>big-endian</b> on the wire (Polling, Polling response,
 * Request System Code), unlike service and area codes. Prints as 4 uppercase hex digits, for example {@code 0003}.
 *
 * <p>In a Polling command a byte of {@code FF} is a wildcard: {@code FFFF} matches every system and
 * {@code 00FF} every system whose first byte is {@code 00}.
 *
 * @param value 0x0000–0xFFFF
 */
public record SystemCode(int value) {

    /** {@code FFFF}: the Polling wildcard that matches any system. */
    public static final SystemCode WILDCARD = new SystemCode(0xFFFF);
    /** {@code 0003}: Japan Railway Cybernetics (Suica, PASMO and other transit cards). */
    public static final SystemCode CYBERNETICS = new SystemCode(0x0003);
    /** {@code FE00}: the Common Area (Edy and others). */
    public static final SystemCode COMMON_AREA = new SystemCode(0xFE00);
    /** {@code 12FC}: NFC Forum Type 3 Tag (NDEF). */
    public static final SystemCode NDEF = new SystemCode(0x12FC);
    /** {@code 88B4}: FeliCa Lite and Lite-S. */
    public static final SystemCode FELICA_LITE = new SystemCode(0x88B4);

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public SystemCode {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a system code is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the system code with this numeric value.
     *
     * @param value 0x0000–0xFFFF
     * @return the system code
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public static SystemCode of(int value) {
        return new SystemCode(value);
    }

    /**
     * Parses 4 hex digits, for example {@code "0003"}.
     *
     * @param hex the code as hex
     * @return the system code
     * @throws IllegalArgumentException if the text is not 2 bytes of hex
     */
    public static SystemCode parse(String hex) {
        byte[] b = Bytes.parseHex(hex);
        if (b.length != 2) {
            throw new IllegalArgumentException("a system code is 2 bytes (4 hex digits), got \"" + hex + "\"");
        }
        return new SystemCode(((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
    }

    /**
     * Tells whether either byte is the {@code FF} wildcard.
     *
     * @return true if this code contains a wildcard byte
     */
    public boolean hasWildcard() {
        return (value & 0xFF00) == 0xFF00 || (value & 0xFF) == 0xFF;
    }

    /**
     * Tells whether this code, used in a Polling command, selects a system with the code {@code system}: each byte
     * must be equal or {@code FF}.
     *
     * @param system the system code of a system on the card
     * @return true if Polling with this code matches that system
     * @throws NullPointerException if {@code system} is null
     */
    public boolean matches(SystemCode system) {
        int hi = value >>> 8;
        int lo = value & 0xFF;
        return (hi == 0xFF || hi == system.value >>> 8) && (lo == 0xFF || lo == (system.value & 0xFF));
    }

    /**
     * Returns the 2 bytes in wire order (big-endian).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    /**
     * Returns the code as 4 uppercase hex digits.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits((short) value);
    }
}
