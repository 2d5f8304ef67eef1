package io.github.walletdevice.felica;

/**
 * Thrown when bytes are not a well-formed FeliCa frame.
 *
 * <p>The decoder throws this exception, and no other, whatever the input: a wrong LEN byte, a count that
 * does not match the payload, a value outside the limits of the FeliCa format, a truncated or over-long frame,
 * or a response that does not answer the command it is checked against. {@link #offset()} is the index in the
 * input array of the byte at which the problem was found, and {@link #reason()} says what was wrong.
 *
 * <p>Building a frame object with invalid values (for example 17 services) throws
 * {@link IllegalArgumentException} instead: that is a programming error, not bad input bytes.
 */
public final class FelicaFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The index in the input of the byte at which decoding failed. */
    private final int offset;

    /** What was wrong, without the offset. */
    private final String reason;

    /**
     * Creates an exception for a problem found at {@code offset}.
     *
     * @param offset the index in the input of the offending byte (0 for problems with the whole frame)
     * @param reason what was wrong, as one sentence without a trailing period
     */
    public FelicaFormatException(int offset, String reason) {
        super("Invalid FeliCa frame at offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /**
     * Returns the index in the input of the byte at which decoding failed.
     *
     * @return the offset, 0 or more
     */
    public int offset() {
        return offset;
    }

    /**
     * Returns what was wrong, without the offset.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
