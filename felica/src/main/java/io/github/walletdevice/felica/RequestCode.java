package io.github.walletdevice.felica;

/** The request code of a Polling command: what the card adds to its answer. */
public enum RequestCode {
    /** {@code 00}: no request data. */
    NONE(0x00),
    /** {@code 01}: the system code of the selected system (2 bytes, big-endian). */
    SYSTEM_CODE(0x01),
    /** {@code 02}: the communication performance (a reserved byte, then a bitmap of supported bit rates). */
    COMMUNICATION_PERFORMANCE(0x02);

    private final int value;

    RequestCode(int value) {
        this.value = value;
    }

    /**
     * Returns the byte on the wire.
     *
     * @return 0, 1 or 2
     */
    public int value() {
        return value;
    }

    /**
     * Returns the request code of a wire value.
     *
     * @param value the byte
     * @return the request code
     * @throws IllegalArgumentException if the value is not 0, 1 or 2
     */
    public static RequestCode of(int value) {
        switch (value) {
            case 0x00: return NONE;
            case 0x01: return SYSTEM_CODE;
            case 0x02: return COMMUNICATION_PERFORMANCE;
            default:
                throw new IllegalArgumentException("a Polling request code is 00, 01 or 02, got " + value);
        }
    }
}
