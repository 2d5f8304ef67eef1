package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

/**
 * A 16-bit FeliCa area code: a 10-bit area number and a 6-bit attribute, little-endian on the wire. Attribute
 * {@code 00} means the area can hold sub-areas, {@code 01} that it cannot (kormax/felica-tool adds {@code 20}/{@code 21}
 * for PIN variants). Area 0 ({@code 0000}) is the root of every system and spans {@code 0000}–{@code FFFE}.
 * Prints as the 4 uppercase hex digits of its numeric value.
 *
 * @param value 0x0000–0xFFFF
 */
public record AreaCode(int value) {

    /** {@code 0000}: the root area of every system. */
    public static final AreaCode ROOT = new AreaCode(0x0000);

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public AreaCode {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an area code is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the area code with this numeric value.
     *
     * @param value 0x0000–0xFFFF
     * @return the area code
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public static AreaCode of(int value) {
        return new AreaCode(value);
    }

    /**
     * Returns the area code of an area number and an attribute.
     *
     * @param number 0–1023
     * @param attribute 0x00–0x3F
     * @return the area code
     * @throws IllegalArgumentException if a value is out of range
     */
    public static AreaCode of(int number, int attribute) {
        if (number < 0 || number > 0x3FF) {
            throw new IllegalArgumentException("an area number is 10 bits (0–1023), got " + number);
        }
        if (attribute < 0 || attribute > 0x3F) {
            throw new IllegalArgumentException("an area attribute is 6 bits (00–3F), got " + attribute);
        }
        return new AreaCode(number << 6 | attribute);
    }

    /**
     * Parses the 4 hex digits of the numeric value, for example {@code "1000"}.
     *
     * @param hex the code as hex
     * @return the area code
     * @throws IllegalArgumentException if the text is not 2 bytes of hex
     */
    public static AreaCode parse(String hex) {
        return new AreaCode(NodeCode.parseValue(hex, "an area code"));
    }

    /**
     * Returns the area number, the upper 10 bits.
     *
     * @return 0–1023
     */
    public int number() {
        return value >>> 6;
    }

    /**
     * Returns the attribute, the low 6 bits.
     *
     * @return 0x00–0x3F
     */
    public int attribute() {
        return value & 0x3F;
    }

    /**
     * Tells whether the attribute allows sub-areas ({@code 00} or {@code 20}).
     *
     * @return true when sub-areas can be created
     */
    public boolean canCreateSubArea() {
        return (attribute() & 0x1F) == 0x00;
    }

    /**
     * Returns this code as a node code.
     *
     * @return the node code with the same value
     */
    public NodeCode nodeCode() {
        return new NodeCode(value);
    }

    /**
     * Returns the 2 bytes in wire order (little-endian).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    /**
     * Returns the 4 uppercase hex digits of the numeric value.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits((short) value);
    }
}
