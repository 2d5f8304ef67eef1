package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication2 ({@code 12}, DES): the second step of mutual authentication. Frame:
 * {@code 12 12 IDm Challenge2B(8)}. Frame only; no cryptography.
 *
 * @param idm the IDm of the system addressed
 * @param challenge2B the reader's answer to the card's challenge, 8 bytes
 */
public record Authentication2Command(Idm idm, byte[] challenge2B) implements FelicaCommand<Authentication2Response> {

    /** The command code, {@code 12}. */
    public static final byte CODE = 0x12;

    /**
     * Checks the values and copies the challenge.
     *
     * @param idm not null
     * @param challenge2B 8 bytes
     * @throws IllegalArgumentException if the challenge is not 8 bytes
     * @throws NullPointerException if a value is null
     */
    public Authentication2Command {
        Objects.requireNonNull(idm, "idm");
        challenge2B = Bytes.copyExact(challenge2B, 8, "challenge 2B");
    }

    /**
     * Returns the challenge (a copy).
     *
     * @return 8 bytes
     */
    @Override
    public byte[] challenge2B() {
        return challenge2B.clone();
    }

    @Override
    public Class<Authentication2Response> responseType() {
        return Authentication2Response.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.MUTUAL_AUTHENTICATION, 1);
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("challenge2B", HEX.formatHex(challenge2B));
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
        return 18;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(18, CODE).idm(idm).bytes(challenge2B).done();
    }

    static Authentication2Command read(FrameReader r) {
        Idm idm = r.idm();
        byte[] c = r.bytes(8, "challenge 2B");
        r.end("Authentication2 command");
        return new Authentication2Command(idm, c);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a command with an equal IDm and challenge
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Authentication2Command x && x.idm.equals(idm) && Arrays.equals(x.challenge2B, challenge2B);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, Arrays.hashCode(challenge2B));
    }

    /**
     * Returns a readable form with the challenge as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Authentication2Command[idm=" + idm + ", challenge2B=" + HEX.formatHex(challenge2B) + "]";
    }
}
