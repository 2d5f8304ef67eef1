package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response frame whose code this codec does not model (for example the encrypted Read {@code 14}, issuance
 * commands, or the non-standard Echo {@code F0 00}). The bytes after the code are kept as they are, and
 * {@link #encode()} gives back the same frame.
 *
 * @param codeValue the response code, 0–255 (never one of the codes that has its own type)
 * @param body the bytes after the code, at most 253
 */
public record UnknownResponse(int codeValue, byte[] body) implements FelicaResponse {

    /**
     * Checks the values and copies the body.
     *
     * @param codeValue 0–255, not a code this codec models as a response
     * @param body at most 253 bytes
     * @throws IllegalArgumentException if the code is out of range or modelled, or the body is too long
     * @throws NullPointerException if {@code body} is null
     */
    public UnknownResponse {
        if ((codeValue & ~0xFF) != 0) {
            throw new IllegalArgumentException("a response code is one byte (00–FF), got " + codeValue);
        }
        if (FelicaDecoder.isKnownResponseCode(codeValue)) {
            throw new IllegalArgumentException("code " + HEX.toHexDigits((byte) codeValue) + " has its own response type; use it");
        }
        body = Bytes.copy(body, "body");
        FrameWriter.checkLength(2 + body.length, "unknown response");
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

    static UnknownResponse read(int code, FrameReader r) {
        return new UnknownResponse(code, r.bytes(r.remaining(), "the body"));
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for an unknown response with the same code and body
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownResponse x && x.codeValue == codeValue && Arrays.equals(x.body, body);
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
     * Returns a readable form, for example {@code UnknownResponse[code=14, body=0123…]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "UnknownResponse[code=" + HEX.toHexDigits((byte) codeValue) + ", body=" + HEX.formatHex(body) + "]";
    }
}
