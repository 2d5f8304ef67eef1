package io.github.walletdevice.felica;

import java.time.Duration;

/**
 * The number of time slots of a Polling command. The wire byte (TSN) is the slot count minus one, and only
 * 1, 2, 4, 8 and 16 slots are allowed.
 */
public enum TimeSlot {
    /** One slot, {@code 00}. */
    SLOTS_1(0x00),
    /** Two slots, {@code 01}. */
    SLOTS_2(0x01),
    /** Four slots, {@code 03}. */
    SLOTS_4(0x03),
    /** Eight slots, {@code 07}. */
    SLOTS_8(0x07),
    /** Sixteen slots, {@code 0F}. */
    SLOTS_16(0x0F);

    private final int value;

    TimeSlot(int value) {
        this.value = value;
    }

    /**
     * Returns the byte on the wire (TSN).
     *
     * @return 0x00, 0x01, 0x03, 0x07 or 0x0F
     */
    public int value() {
        return value;
    }

    /**
     * Returns the number of slots.
     *
     * @return 1, 2, 4, 8 or 16
     */
    public int count() {
        return value + 1;
    }

    /**
     * Returns the time slot of a wire value.
     *
     * @param value the TSN byte
     * @return the time slot
     * @throws IllegalArgumentException if the value is not 00, 01, 03, 07 or 0F
     */
    public static TimeSlot of(int value) {
        switch (value) {
            case 0x00: return SLOTS_1;
            case 0x01: return SLOTS_2;
            case 0x03: return SLOTS_4;
            case 0x07: return SLOTS_8;
            case 0x0F: return SLOTS_16;
            default:
                throw new IllegalArgumentException("a Polling time slot byte is 00, 01, 03, 07 or 0F, got " + value);
        }
    }

    /**
     * Returns how long to wait for the Polling answers, as nfcpy computes it: 3.625 ms + TSN × 1.208 ms
     * (2.417 ms to the first slot, then 1.208 ms per slot).
     *
     * @return the timeout
     */
    public Duration maximumResponseTime() {
        return Duration.ofNanos(3_625_000L + value * 1_208_000L);
    }
}
