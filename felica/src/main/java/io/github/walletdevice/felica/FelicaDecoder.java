package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.Objects;
import java.util.Optional;

/**
 * Decodes FeliCa command and response frames, strictly.
 *
 * <ul>
 *   <li>With LEN (Android's {@code NfcF.transceive} form, the default): the first byte must equal the size of the
 *       array, 2–255. Without LEN (the {@code …WithoutLength} methods, iOS's {@code sendFeliCaCommand} form):
 *       the array starts at the code and has 1–254 bytes.</li>
 *   <li>Every count must match the payload, nothing may follow the last field, and the limits of the format are
 *       enforced (1–16 services, 1–15 blocks per read, 1–32 nodes, 1–16 nodes for Get Node Property, the
 *       Polling request codes and time slots, reserved bytes {@code 0000}).</li>
 *   <li>A response with Status Flag 1 other than {@code 00} must end after Status Flag 2.</li>
 *   <li>Codes this codec does not model decode as {@link UnknownCommand} / {@link UnknownResponse}, keeping
 *       their bytes.</li>
 * </ul>
 *
 * <p>Whatever the input, including {@code null}, every method returns a frame or throws
 * {@link FelicaFormatException}; offsets in the exception are indices into the array passed in. The decoder
 * reads the array in place and copies only the fields it keeps. It is stateless and thread-safe.
 */
public final class FelicaDecoder {

    private FelicaDecoder() {
    }

    /**
     * Decodes a command frame that starts with LEN.
     *
     * @param frame the frame, LEN byte first
     * @return the command
     * @throws FelicaFormatException if the bytes are not a well-formed command frame
     */
    public static FelicaCommand<?> decodeCommand(byte[] frame) {
        return command(withLength(frame));
    }

    /**
     * Decodes a command frame without its LEN byte (starting at the command code).
     *
     * @param packet the frame without LEN
     * @return the command
     * @throws FelicaFormatException if the bytes are not a well-formed command frame
     */
    public static FelicaCommand<?> decodeCommandWithoutLength(byte[] packet) {
        return command(withoutLength(packet));
    }

    /**
     * Decodes a response frame that starts with LEN.
     *
     * @param frame the frame, LEN byte first
     * @return the response
     * @throws FelicaFormatException if the bytes are not a well-formed response frame
     */
    public static FelicaResponse decodeResponse(byte[] frame) {
        return response(withLength(frame));
    }

    /**
     * Decodes a response frame without its LEN byte (starting at the response code).
     *
     * @param packet the frame without LEN
     * @return the response
     * @throws FelicaFormatException if the bytes are not a well-formed response frame
     */
    public static FelicaResponse decodeResponseWithoutLength(byte[] packet) {
        return response(withoutLength(packet));
    }

    /**
     * Decodes the response to {@code sentCommand} from a frame that starts with LEN, and checks that it answers
     * that command: its code must be the command code + 1, and it must echo the command's IDm (when both carry one).
     * The response comes back as the command's {@link FelicaCommand#responseType() response type}, for example
     * {@code ReadWithoutEncryptionResponse r = FelicaDecoder.decodeResponse(bytes, readCommand)}.
     *
     * @param <R> the response type of the command
     * @param frame the frame, LEN byte first
     * @param sentCommand the command the response answers
     * @return the response, typed
     * @throws FelicaFormatException if the bytes are not a well-formed response frame, or do not answer the command
     * @throws NullPointerException if {@code sentCommand} is null
     */
    public static <R extends FelicaResponse> R decodeResponse(byte[] frame, FelicaCommand<R> sentCommand) {
        Objects.requireNonNull(sentCommand, "sentCommand");
        return answer(withLength(frame), sentCommand);
    }

    /**
     * Like {@link #decodeResponse(byte[], FelicaCommand)}, for a frame without its LEN byte.
     *
     * @param <R> the response type of the command
     * @param packet the frame without LEN
     * @param sentCommand the command the response answers
     * @return the response, typed
     * @throws FelicaFormatException if the bytes are not a well-formed response frame, or do not answer the command
     * @throws NullPointerException if {@code sentCommand} is null
     */
    public static <R extends FelicaResponse> R decodeResponseWithoutLength(byte[] packet,
            FelicaCommand<R> sentCommand) {
        Objects.requireNonNull(sentCommand, "sentCommand");
        return answer(withoutLength(packet), sentCommand);
    }

    /**
     * Decodes a frame that starts with LEN as a command when its code is even and as a response when it is odd.
     *
     * @param frame the frame, LEN byte first
     * @return the command or response
     * @throws FelicaFormatException if the bytes are not a well-formed frame
     */
    public static FelicaFrame decode(byte[] frame) {
        FrameReader r = withLength(frame);
        return (r.peek("the code") & 1) == 0 ? command(r) : response(r);
    }

    /**
     * Tells whether a code has its own command type.
     *
     * @param code the code, 0–255
     * @return true for 00, 02, 04, 06, 08, 0A, 0C, 0E, 10, 12, 28, 32, 38, 3C, 3E and 70
     */
    public static boolean isKnownCommandCode(int code) {
        return (code & ~0xFF) == 0 && CommandRegistry.command(code) != null;
    }

    /**
     * Tells whether a code has its own response type.
     *
     * @param code the code, 0–255
     * @return true for the known command codes + 1
     */
    public static boolean isKnownResponseCode(int code) {
        return (code & ~0xFF) == 0 && CommandRegistry.response(code) != null;
    }

    private static FrameReader withLength(byte[] frame) {
        if (frame == null) {
            throw new FelicaFormatException(0, "the frame is null");
        }
        if (frame.length < 2) {
            throw new FelicaFormatException(0, "a frame has at least 2 bytes (LEN and code), got " + frame.length);
        }
        if (frame.length > FrameWriter.MAX_FRAME_LENGTH) {
            throw new FelicaFormatException(FrameWriter.MAX_FRAME_LENGTH, "a frame has at most 255 bytes including LEN, got "
                    + frame.length);
        }
        int len = frame[0] & 0xFF;
        if (len != frame.length) {
            throw new FelicaFormatException(0, "LEN is " + len + " (" + HEX.toHexDigits((byte) len) + ") but the frame has "
                    + frame.length + " bytes");
        }
        return new FrameReader(frame, 1, frame.length);
    }

    private static FrameReader withoutLength(byte[] packet) {
        if (packet == null) {
            throw new FelicaFormatException(0, "the frame is null");
        }
        if (packet.length < 1) {
            throw new FelicaFormatException(0, "a frame without LEN has at least the code byte, got 0 bytes");
        }
        if (packet.length > FrameWriter.MAX_FRAME_LENGTH - 1) {
            throw new FelicaFormatException(FrameWriter.MAX_FRAME_LENGTH - 1,
                    "a frame without LEN has at most 254 bytes, got " + packet.length);
        }
        return new FrameReader(packet, 0, packet.length);
    }

    private static FelicaCommand<?> command(FrameReader r) {
        int code = r.u8("the command code");
        CommandRegistry.Entry entry = CommandRegistry.command(code);
        try {
            return entry != null ? entry.command().apply(r) : UnknownCommand.read(code, r);
        } catch (IllegalArgumentException e) {
            // The readers check every limit first; this only guards the promise that nothing else escapes.
            throw new FelicaFormatException(r.position(), e.getMessage());
        }
    }

    private static FelicaResponse response(FrameReader r) {
        int code = r.u8("the response code");
        CommandRegistry.Entry entry = CommandRegistry.response(code);
        try {
            return entry != null ? entry.response().apply(r) : UnknownResponse.read(code, r);
        } catch (IllegalArgumentException e) {
            throw new FelicaFormatException(r.position(), e.getMessage());
        }
    }

    private static <R extends FelicaResponse> R answer(FrameReader r, FelicaCommand<R> sent) {
        int codeAt = r.position();
        int expected = sent.responseCode() & 0xFF;
        int actual = r.peek("the response code");
        if (actual != expected) {
            throw new FelicaFormatException(codeAt, "response code " + HEX.toHexDigits((byte) actual)
                    + " does not answer command " + HEX.toHexDigits(sent.code()) + " (" + sent.name()
                    + "), which expects " + HEX.toHexDigits((byte) expected));
        }
        FelicaResponse response = response(r);
        Optional<Idm> sentIdm = sent.idmIfPresent();
        Optional<Idm> echoed = response.idmIfPresent();
        if (sentIdm.isPresent() && echoed.isPresent() && !sentIdm.get().equals(echoed.get())) {
            throw new FelicaFormatException(codeAt + 1, "the response IDm " + echoed.get()
                    + " does not echo the command IDm " + sentIdm.get());
        }
        // The code matched, and the registry maps it to the type the command names (a test checks each pair).
        return sent.responseType().cast(response);
    }
}
