package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

/**
 * Status Flag 2 of a FeliCa response: what went wrong. Unknown values are kept as they are. {@code 71} (memory
 * rewrite count exceeded) is a <b>warning</b>: the write was performed. Prints as 2 uppercase hex digits;
 * {@link #meaning()} gives the text.
 *
 * <p>Meanings of {@code A1}–{@code C3} come from Sony's "FeliCa Card User's Manual, Excerpted
 * Edition" as transcribed by the unofficial FeliCa card user's manual (soltia48/felica-users-manual-unofficial on
 * GitHub); FeliCa Lite-S uses {@code A6}, {@code B1} and {@code B2} for its own errors.
 *
 * @param value 0x00–0xFF
 */
public record StatusFlag2(int value) {

    private static final StatusFlag2[] CACHE = new StatusFlag2[256];

    static {
        for (int i = 0; i < 256; i++) {
            CACHE[i] = new StatusFlag2(i);
        }
    }

    /** {@code 00}: normal. */
    public static final StatusFlag2 SUCCESS = CACHE[0x00];
    /** {@code 01}: purse decrement below zero, or cashback overflowing 4 bytes. */
    public static final StatusFlag2 PURSE_OUT_OF_RANGE = CACHE[0x01];
    /** {@code 02}: the cashback amount exceeds the cashback data. */
    public static final StatusFlag2 CASHBACK_EXCEEDS_DATA = CACHE[0x02];
    /** {@code 03}: a value-limited purse would go outside its limits. */
    public static final StatusFlag2 VALUE_LIMIT_EXCEEDED = CACHE[0x03];
    /** {@code 70}: memory error (fatal). */
    public static final StatusFlag2 MEMORY_ERROR = CACHE[0x70];
    /** {@code 71}: memory rewrite count exceeded; a warning, the write was performed. */
    public static final StatusFlag2 REWRITE_COUNT_EXCEEDED = CACHE[0x71];
    /** {@code A1}: number of services or nodes out of range. */
    public static final StatusFlag2 ILLEGAL_SERVICE_COUNT = CACHE[0xA1];
    /** {@code A2}: number of blocks out of range. */
    public static final StatusFlag2 ILLEGAL_BLOCK_COUNT = CACHE[0xA2];
    /** {@code A3}: a block list element's service code list order is not below the number of services. */
    public static final StatusFlag2 ILLEGAL_SERVICE_ORDER = CACHE[0xA3];
    /** {@code A4}: wrong area or service attribute. */
    public static final StatusFlag2 ILLEGAL_ATTRIBUTE = CACHE[0xA4];
    /** {@code A5}: the area or service cannot be accessed, or a parameter fails its success condition. */
    public static final StatusFlag2 ACCESS_REFUSED = CACHE[0xA5];
    /** {@code A6}: the service or node does not exist (for example it belongs to another system). */
    public static final StatusFlag2 NODE_NOT_FOUND = CACHE[0xA6];
    /** {@code A7}: illegal access mode. */
    public static final StatusFlag2 ILLEGAL_ACCESS_MODE = CACHE[0xA7];
    /** {@code A8}: block number beyond the service's blocks. */
    public static final StatusFlag2 BLOCK_OUT_OF_RANGE = CACHE[0xA8];
    /** {@code AF}: too many blocks written to a cyclic service at once. */
    public static final StatusFlag2 TOO_MANY_CYCLIC_WRITES = CACHE[0xAF];

    /**
     * Checks the range.
     *
     * @param value 0x00–0xFF
     * @throws IllegalArgumentException if {@code value} is outside 0x00–0xFF
     */
    public StatusFlag2 {
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
    public static StatusFlag2 of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("a status flag is one byte (00–FF), got " + value);
        }
        return CACHE[value];
    }

    /**
     * Tells whether this is {@code 00}.
     *
     * @return true for normal
     */
    public boolean isSuccess() {
        return value == 0;
    }

    /**
     * Tells whether this is the warning {@code 71}: the write was performed, but the memory's rewrite count is
     * exhausted.
     *
     * @return true for {@code 71}
     */
    public boolean isWarning() {
        return value == 0x71;
    }

    /**
     * Tells whether this value reports a failure: anything but {@code 00} and the warning {@code 71}.
     *
     * @return true for a failure
     */
    public boolean isError() {
        return value != 0 && value != 0x71;
    }

    /**
     * Tells whether the meaning of this value is known.
     *
     * @return false for values not in the reference tables
     */
    public boolean isKnown() {
        return lookup(value) != null;
    }

    /**
     * Returns what the value means, or {@code "unknown status"} for values not in the reference tables.
     *
     * @return the meaning
     */
    public String meaning() {
        String m = lookup(value);
        return m == null ? "unknown status" : m;
    }

    private static String lookup(int v) {
        switch (v) {
            case 0x00: return "normal";
            case 0x01: return "purse decrement below zero or cashback overflow";
            case 0x02: return "cashback amount exceeds the cashback data";
            case 0x03: return "value-limited purse outside its limits";
            case 0x70: return "memory error";
            case 0x71: return "memory rewrite count exceeded (warning: the write was performed)";
            case 0xA1: return "number of services or nodes out of range";
            case 0xA2: return "number of blocks out of range";
            case 0xA3: return "service code list order out of range";
            case 0xA4: return "wrong area or service attribute";
            case 0xA5: return "area or service not accessible";
            case 0xA6: return "service or node does not exist";
            case 0xA7: return "illegal access mode";
            case 0xA8: return "block number out of range";
            case 0xA9: return "write failure during issuance";
            case 0xAA: return "key change failed";
            case 0xAB: return "bad package parity or MAC";
            case 0xAC: return "bad issuance parameter";
            case 0xAD: return "service already exists";
            case 0xAE: return "bad system code";
            case 0xAF: return "too many blocks written to a cyclic service";
            case 0xB1: return "authentication required (FeliCa Lite-S)";
            case 0xB2: return "MAC verification failure (FeliCa Lite-S)";
            case 0xC0: return "bad package identifier";
            case 0xC1: return "package parameters differ";
            case 0xC2: return "issuance command disabled";
            case 0xC3: return "wrong node attribute";
            default: return null;
        }
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
