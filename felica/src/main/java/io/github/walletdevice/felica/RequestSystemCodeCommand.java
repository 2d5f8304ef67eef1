package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Request System Code ({@code 0C}): ask for the system codes of every system of the card. Frame:
 * {@code 0A 0C IDm}.
 *
 * @param idm the IDm of any system of the card
 */
public record RequestSystemCodeCommand(Idm idm) implements FelicaCommand<RequestSystemCodeResponse> {

    /** The command code, {@code 0C}. */
    public static final byte CODE = 0x0C;

    /**
     * Checks for null.
     *
     * @param idm not null
     * @throws NullPointerException if {@code idm} is null
     */
    public RequestSystemCodeCommand {
        Objects.requireNonNull(idm, "idm");
    }

    @Override
    public Class<RequestSystemCodeResponse> responseType() {
        return RequestSystemCodeResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.requestSystemCodeTimeout();
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "RequestSystemCode";
    }

    @Override
    public int length() {
        return 10;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(10, CODE).idm(idm).done();
    }

    static RequestSystemCodeCommand read(FrameReader r) {
        Idm idm = r.idm();
        r.end("Request System Code command");
        return new RequestSystemCodeCommand(idm);
    }
}
