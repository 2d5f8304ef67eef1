package io.github.walletdevice.felica;

/**
 * A version word from Request Specification Version: the high nibble is {@code 1000} and the low 12 bits are
 * three BCD digits, little-endian on the wire. Version 5.0.0 is {@code 0x8500}, sent as {@code 00 85}. Prints as
 * {@code major.minor.patch} (digits above 9 print as hex).
 *
 * @param value the 16-bit word, 0x0000–0xFFFF (any value is kept as read)
 */
public record FelicaVersion(int value) {

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public FelicaVersion {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a version word is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the version word for {@code major.minor.patch}.
     *
     * @param major 0–9
     * @param minor 0–9
     * @param patch 0–9
     * @return the version
     * @throws IllegalArgumentException if a digit is outside 0–9
     */
    public static FelicaVersion of(int major, int minor, int patch) {
        checkDigit(major, "major");
        checkDigit(minor, "minor");
        checkDigit(patch, "patch");
        return new FelicaVersion(0x8000 | major << 8 | minor << 4 | patch);
    }

    private static void checkDigit(int d, String name) {
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("the " + name + " version is one BCD digit (0–9), got " + d);
        }
    }

    /**
     * Returns the major digit (bits 11–8).
     *
     * @return 0–15
     */
    public int major() {
        return (value >>> 8) & 0xF;
    }

    /**
     * Returns the minor digit (bits 7–4).
     *
     * @return 0–15
     */
    public int minor() {
        return (value >>> 4) & 0xF;
    }

    /**
     * Returns the patch digit (bits 3–0).
     *
     * @return 0–15
     */
    public int patch() {
        return value & 0xF;
    }

    /**
     * Tells whether the word has the fixed {@code 1000} high nibble and three BCD digits.
     *
     * @return true for a well-formed version word
     */
    public boolean isWellFormed() {
        return (value >>> 12) == 0x8 && major() <= 9 && minor() <= 9 && patch() <= 9;
    }

    /**
     * Returns {@code major.minor.patch}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return Integer.toHexString(major()).toUpperCase(java.util.Locale.ROOT) + "."
                + Integer.toHexString(minor()).toUpperCase(java.util.Locale.ROOT) + "."
                + Integer.toHexString(patch()).toUpperCase(java.util.Locale.ROOT);
    }
}
