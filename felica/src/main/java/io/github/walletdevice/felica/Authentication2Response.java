package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to Authentication2 ({@code 13}): {@code 22 13 Ciphertext(32)}, with <b>no IDm</b>; the 32 bytes are
 * DES-CBC ciphertext (the IDs and the transaction data), kept as they are.
 *
 * @param ciphertext 32 bytes
 */
public record Authentication2Response(byte[] ciphertext) implements FelicaResponse {

    /** The response code, {@code 13}. */
    public static final byte CODE = 0x13;

    /**
     * Checks and copies the ciphertext.
     *
     * @param ciphertext 32 bytes
     * @throws IllegalArgumentException if the ciphertext is not 32 bytes
     * @throws NullPointerException if {@code ciphertext} is null
     */
    public Authentication2Response {
        ciphertext = Bytes.copyExact(ciphertext, 32, "the Authentication2 ciphertext");
    }

    /**
     * Returns the ciphertext (a copy).
     *
     * @return 32 bytes
     */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("ciphertext", HEX.formatHex(ciphertext));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Authentication2";
    }

    @Override
    public int length() {
        return 34;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.empty();
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(34, CODE).bytes(ciphertext).done();
    }

    static Authentication2Response read(FrameReader r) {
        byte[] c = r.bytes(32, "the ciphertext");
        r.end("Authentication2 response");
        return new Authentication2Response(c);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a response with equal ciphertext
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Authentication2Response x && Arrays.equals(x.ciphertext, ciphertext);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    /**
     * Returns a readable form with the ciphertext as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Authentication2Response[ciphertext=" + HEX.formatHex(ciphertext) + "]";
    }
}
