package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
/**
 * A 16-bit node code as Request Service, Request Service v2, Request Block Information and Get Node Property
 * take it: a system ({@code FFFF}), an area or a service. Little-endian on the wire; prints as the 4 uppercase hex
 * digits of its numeric value.
 *
 * @param value 0x0000–0xFFFF
 */
public record NodeCode(int value) {

    /** {@code FFFF}: the node code of the system itself. */
    public static final NodeCode SYSTEM = new NodeCode(0xFFFF);

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public NodeCode {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a node code is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the node code with this numeric value.
     *
     * @param value 0x0000–0xFFFF
     * @return the node code
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public static NodeCode of(int value) {
        return new NodeCode(value);
    }

    /**
     * Returns the node code of a service.
     *
     * @param service the service code
     * @return the node code with the same value
     * @throws NullPointerException if {@code service} is null
     */
    public static NodeCode of(ServiceCode service) {
        return new NodeCode(service.value());
    }

    /**
     * Returns the node code of an area.
     *
     * @param area the area code
     * @return the node code with the same value
     * @throws NullPointerException if {@code area} is null
     */
    public static NodeCode of(AreaCode area) {
        return new NodeCode(area.value());
    }

    /**
     * Parses the 4 hex digits of the numeric value.
     *
     * @param hex the code as hex
     * @return the node code
     * @throws IllegalArgumentException if the text is not 2 bytes of hex
     */
    public static NodeCode parse(String hex) {
        return new NodeCode(parseValue(hex, "a node code"));
    }

    static int parseValue(String hex, String what) {
        byte[] b = Bytes.parseHex(hex);
        if (b.length != 2) {
            throw new IllegalArgumentException(what + " is 2 bytes (4 hex digits of its value), got \"" + hex + "\"");
        }
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    /**
     * Tells whether this is the system node {@code FFFF}.
     *
     * @return true for {@code FFFF}
     */
    public boolean isSystem() {
        return value == 0xFFFF;
    }

    /**
     * Reads this node code as a service code (same value).
     *
     * @return the service code
     */
    public ServiceCode asServiceCode() {
        return new ServiceCode(value);
    }

    /**
     * Reads this node code as an area code (same value).
     *
     * @return the area code
     */
    public AreaCode asAreaCode() {
        return new AreaCode(value);
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
