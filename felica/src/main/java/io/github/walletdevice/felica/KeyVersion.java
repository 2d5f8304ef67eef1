package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

/**
 * A 16-bit key version from Request Service or Request Service v2, little-endian on the wire. {@code FFFF} means
 * the node does not exist. Prints as 4 uppercase hex digits.
 *
 * @param value 0x0000–0xFFFF
 */
public record KeyVersion(int value) {

    /** {@code FFFF}: the card's answer for a node that does not exist. */
    public static final KeyVersion MISSING_NODE = new KeyVersion(0xFFFF);

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public KeyVersion {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a key version is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the key version with this value.
     *
     * @param value 0x0000–0xFFFF
     * @return the key version
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public static KeyVersion of(int value) {
        return new KeyVersion(value);
    }

    /**
     * Tells whether the node exists, that is whether the value is not {@code FFFF}.
     *
     * @return false for {@code FFFF}
     */
    public boolean nodeExists() {
        return value != 0xFFFF;
    }

    /**
     * Returns the 4 uppercase hex digits of the value.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits((short) value);
    }
}
