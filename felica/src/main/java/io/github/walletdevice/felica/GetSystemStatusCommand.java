package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Get System Status ({@code 38}): ask for the system status (its meaning is not published). Frame: {@code 0C 38 IDm 00 00}.
 *
 * @param idm the IDm of the system addressed
 */
public record GetSystemStatusCommand(Idm idm) implements FelicaCommand<GetSystemStatusResponse> {

    /** The command code, {@code 38}. */
    public static final byte CODE = 0x38;

    /**
     * Checks for null.
     *
     * @param idm not null
     * @throws NullPointerException if {@code idm} is null
     */
    public GetSystemStatusCommand {
        Objects.requireNonNull(idm, "idm");
    }

    @Override
    public Class<GetSystemStatusResponse> responseType() {
        return GetSystemStatusResponse.class;
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
        return "GetSystemStatus";
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

    static GetSystemStatusCommand read(FrameReader r) {
        Idm idm = r.idm();
        r.reserved();
        r.end("Get System Status command");
        return new GetSystemStatusCommand(idm);
    }
}
