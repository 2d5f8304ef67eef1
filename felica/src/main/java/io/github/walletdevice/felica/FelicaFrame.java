package io.github.walletdevice.felica;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A FeliCa command or response frame. A frame runs from the LEN byte to the last data byte; it excludes the
 * preamble, the sync code and the CRC, which the reader adds. Android's {@code NfcF.transceive} takes the frame
 * with LEN ({@link #encode()}); iOS's {@code sendFeliCaCommand} adds LEN itself
 * ({@link #encodeWithoutLength()}).
 *
 * <p>Frame objects are immutable, compare by content, and can always be encoded: their constructors enforce
 * the limits of the format (at most 255 bytes, 1–16 services, and so on) and throw
 * {@link IllegalArgumentException} naming the limit.
 */
public sealed interface FelicaFrame permits FelicaCommand, FelicaResponse {

    /**
     * Returns the command or response code (the byte after LEN).
     *
     * @return the code
     */
    byte code();

    /**
     * Returns the name of the command, the same for a command and its response, for example
     * {@code "ReadWithoutEncryption"} or {@code "Unknown"}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the value of the LEN byte: the size of the frame including LEN.
     *
     * @return 2–255
     */
    int length();

    /**
     * Returns the IDm the frame carries after its code, if it has one (Polling commands, Authentication2
     * responses, Get Container ID frames and unknown frames have none).
     *
     * @return the IDm, or empty
     */
    Optional<Idm> idmIfPresent();

    /**
     * Returns the fields this frame carries beyond its code, IDm and status flags, as
     * {@link FelicaFrameDescriber} prints them: keys in a fixed order, values only {@link String}, {@link Integer},
     * {@link Boolean}, {@link java.util.List} and {@link Map}.
     *
     * @return an unmodifiable map, empty for a frame with nothing more to say
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /**
     * Returns the frame bytes, LEN byte first.
     *
     * @return a new array of {@link #length()} bytes
     */
    byte[] encode();

    /**
     * Returns the frame bytes without the LEN byte, as iOS's {@code sendFeliCaCommand} takes them.
     *
     * @return a new array of {@link #length()} − 1 bytes
     */
    default byte[] encodeWithoutLength() {
        byte[] f = encode();
        return Arrays.copyOfRange(f, 1, f.length);
    }
}
