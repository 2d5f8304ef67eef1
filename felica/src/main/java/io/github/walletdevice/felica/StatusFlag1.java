package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * Status Flag 1 of a FeliCa response: {@code 00} success, {@code FF} an error not tied to a list element, and
 * any other value the position of the failing list element.
 *
 * <p>Products report that position in one of two ways, and the response does not say which: as a 1-based
 * <b>ordinal</b> ({@link #ordinal()}: entry 10 gives {@code 0A}) or as a <b>bitmap</b> ({@link #bitmapPositions()}:
 * bit k set for entry k+1 or k+9, so entry 10 gives {@code 02}). Both readings are offered. Prints as 2 uppercase
 * hex digits.
 *
 * @param value 0x00–0xFF
 */
public record StatusFlag1(int value) {

    private static final StatusFlag1[] CACHE = new StatusFlag1[256];

    static {
        for (int i = 0; i < 256; i++) {
            CACHE[i] = new StatusFlag1(i);
        }
    }

    /** {@code 00}: normal completion. */
    public static final StatusFlag1 SUCCESS = CACHE[0x00];
    /** {@code FF}: an error not tied to a list element. */
    public static final StatusFlag1 GLOBAL_ERROR = CACHE[0xFF];

    /**
     * Checks the range.
     *
     * @param value 0x00–0xFF
     * @throws IllegalArgumentException if {@code value} is outside 0x00–0xFF
     */
    public StatusFlag1 {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("a status flag is one byte (00–FF), got " + value);
        }
    }

    /**
     * Returns the status flag with this value (shared instances, no allocation).
     *
     * @param value 0x00–0xFF
     * @return the status flag
     * @throws IllegalArgumentException if {@code value} is outside 0x00–0xFF
     */
    public static StatusFlag1 of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("a status flag is one byte (00–FF), got " + value);
        }
        return CACHE[value];
    }

    /**
     * Tells whether this is {@code 00}.
     *
     * @return true for normal completion
     */
    public boolean isSuccess() {
        return value == 0;
    }

    /**
     * Tells whether this is {@code FF}, an error not tied to a list element.
     *
     * @return true for {@code FF}
     */
    public boolean isGlobalError() {
        return value == 0xFF;
    }

    /**
     * Reads the value as a 1-based ordinal of the failing list element.
     *
     * @return 1–254, or empty for {@code 00} and {@code FF}
     */
    public OptionalInt ordinal() {
        return value == 0 || value == 0xFF ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /**
     * Reads the value as a bitmap: for each bit k set, the failing element is entry k+1 or entry k+9 (the flag
     * cannot tell them apart). Both candidates are listed, in ascending order.
     *
     * @return the candidate 1-based positions, empty for {@code 00} and {@code FF}
     */
    public List<Integer> bitmapPositions() {
        if (value == 0 || value == 0xFF) {
            return List.of();
        }
        List<Integer> low = new ArrayList<>(8);
        List<Integer> high = new ArrayList<>(8);
        for (int k = 0; k < 8; k++) {
            if ((value & (1 << k)) != 0) {
                low.add(k + 1);
                high.add(k + 9);
            }
        }
        low.addAll(high);
        return Collections.unmodifiableList(low);
    }

    /**
     * Returns a description, for example {@code "element 1 (ordinal) or 1/9 (bitmap)"}.
     *
     * @return the description
     */
    public String meaning() {
        if (value == 0) {
            return "normal completion";
        }
        if (value == 0xFF) {
            return "error not tied to a list element";
        }
        StringBuilder sb = new StringBuilder("failing list element ").append(value).append(" (ordinal) or ");
        List<Integer> bits = bitmapPositions();
        for (int i = 0; i < bits.size(); i++) {
            sb.append(i == 0 ? "" : "/").append(bits.get(i));
        }
        return sb.append(" (bitmap)").toString();
    }

    /**
     * Returns the value as 2 uppercase hex digits.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits((byte) value);
    }
}
