package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Authentication1 ({@code 11}): {@code 1A 11 IDm Challenge1B(8) Challenge2A(8)}. No status flags.
 *
 * @param idm the IDm
 * @param challenge1B the card's answer to the reader's challenge, 8 bytes
 * @param challenge2A the card's own challenge, 8 bytes
 */
public record Authentication1Response(Idm idm, byte[] challenge1B, byte[] challenge2A) implements FelicaResponse {

    /** The response code, {@code 11}. */
    public static final byte CODE = 0x11;

    /**
     * Checks the values and copies the challenges.
     *
     * @param idm not null
     * @param challenge1B 8 bytes
     * @param challenge2A 8 bytes
     * @throws IllegalArgumentException if a challenge is not 8 bytes
     * @throws NullPointerException if a value is null
     */
    public Authentication1Response {
        Objects.requireNonNull(idm, "idm");
        challenge1B = Bytes.copyExact(challenge1B, 8, "challenge 1B");
        challenge2A = Bytes.copyExact(challenge2A, 8, "challenge 2A");
    }

    /**
     * Returns challenge 1B (a copy).
     *
     * @return 8 bytes
     */
    @Override
    public byte[] challenge1B() {
        return challenge1B.clone();
    }

    /**
     * Returns challenge 2A (a copy).
     *
     * @return 8 bytes
     */
    @Override
    public byte[] challenge2A() {
        return challenge2A.clone();
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("challenge1B", HEX.formatHex(challenge1B), "challenge2A", HEX.formatHex(challenge2A));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Authentication1";
    }

    @Override
    public int length() {
        return 26;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(26, CODE).idm(idm).bytes(challenge1B).bytes(challenge2A).done();
    }

    static Authentication1Response read(FrameReader r) {
        Idm idm = r.idm();
        byte[] c1b = r.bytes(8, "challenge 1B");
        byte[] c2a = r.bytes(8, "challenge 2A");
        r.end("Authentication1 response");
        return new Authentication1Response(idm, c1b, c2a);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a response with an equal IDm and equal challenges
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Authentication1Response x && x.idm.equals(idm) && Arrays.equals(x.challenge1B, challenge1B)
                && Arrays.equals(x.challenge2A, challenge2A);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, Arrays.hashCode(challenge1B), Arrays.hashCode(challenge2A));
    }

    /**
     * Returns a readable form with the challenges as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Authentication1Response[idm=" + idm + ", challenge1B=" + HEX.formatHex(challenge1B) + ", challenge2A="
                + HEX.formatHex(challenge2A) + "]";
    }
}
