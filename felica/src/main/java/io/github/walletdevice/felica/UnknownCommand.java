package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command frame whose code this codec does not model (for example the encrypted Read {@code 14}, issuance
 * commands, or the non-standard Echo {@code F0 00}). The bytes after the code are kept as they are, and
 * {@link #encode()} gives back the same frame.
 *
 * @param codeValue the command code, 0–255 (never one of the codes that has its own type)
 * @param body the bytes after the code, at most 253
 */
public record UnknownCommand(int codeValue, byte[] body) implements FelicaCommand<UnknownResponse> {

    /**
     * Checks the values and copies the body.
     *
     * @param codeValue 0–255, not a code this codec models as a command
     * @param body at most 253 bytes
     * @throws IllegalArgumentException if the code is out of range or modelled, or the body is too long
     * @throws NullPointerException if {@code body} is null
     */
    public UnknownCommand {
        if ((codeValue & ~0xFF) != 0) {
            throw new IllegalArgumentException("a command code is one byte (00–FF), got " + codeValue);
        }
        if (FelicaDecoder.isKnownCommandCode(codeValue)) {
            throw new IllegalArgumentException("code " + HEX.toHexDigits((byte) codeValue) + " has its own command type; use it");
        }
        body = Bytes.copy(body, "body");
        FrameWriter.checkLength(2 + body.length, "unknown command");
    }

    /**
     * Returns the bytes after the code (a copy).
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public Class<UnknownResponse> responseType() {
        return UnknownResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.OTHER, 1);
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("data", HEX.formatHex(body));
    }

    @Override
    public byte code() {
        return (byte) codeValue;
    }

    @Override
    public String name() {
        return "Unknown";
    }

    @Override
    public int length() {
        return 2 + body.length;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.empty();
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(length(), codeValue).bytes(body).done();
    }

    static UnknownCommand read(int code, FrameReader r) {
        return new UnknownCommand(code, r.bytes(r.remaining(), "the body"));
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for an unknown command with the same code and body
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownCommand x && x.codeValue == codeValue && Arrays.equals(x.body, body);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(codeValue, Arrays.hashCode(body));
    }

    /**
     * Returns a readable form, for example {@code UnknownCommand[code=14, body=0123…]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "UnknownCommand[code=" + HEX.toHexDigits((byte) codeValue) + ", body=" + HEX.formatHex(body) + "]";
    }
}
