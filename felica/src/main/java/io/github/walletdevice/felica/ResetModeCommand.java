package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Reset Mode ({@code 3E}): return the card to mode 0 (after authentication). Frame: {@code 0C 3E IDm 00 00}.
 *
 * @param idm the IDm of the system addressed
 */
public record ResetModeCommand(Idm idm) implements FelicaCommand<ResetModeResponse> {

    /** The command code, {@code 3E}. */
    public static final byte CODE = 0x3E;

    /**
     * Checks for null.
     *
     * @param idm not null
     * @throws NullPointerException if {@code idm} is null
     */
    public ResetModeCommand {
        Objects.requireNonNull(idm, "idm");
    }

    @Override
    public Class<ResetModeResponse> responseType() {
        return ResetModeResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.FIXED, 1);
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "ResetMode";
    }

    @Override
    public int length() {
        return 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(12, CODE).idm(idm).le16(0).done();
    }

    static ResetModeCommand read(FrameReader r) {
        Idm idm = r.idm();
        r.reserved();
        r.end("Reset Mode command");
        return new ResetModeCommand(idm);
    }
}
