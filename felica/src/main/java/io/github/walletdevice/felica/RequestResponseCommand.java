package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Request Response ({@code 04}): ask for the card's current mode, which also checks it is still there. Frame:
 * {@code 0A 04 IDm}.
 *
 * @param idm the IDm of the system addressed
 */
public record RequestResponseCommand(Idm idm) implements FelicaCommand<RequestResponseResponse> {

    /** The command code, {@code 04}. */
    public static final byte CODE = 0x04;

    /**
     * Checks for null.
     *
     * @param idm not null
     * @throws NullPointerException if {@code idm} is null
     */
    public RequestResponseCommand {
        Objects.requireNonNull(idm, "idm");
    }

    @Override
    public Class<RequestResponseResponse> responseType() {
        return RequestResponseResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.requestResponseTimeout();
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "RequestResponse";
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

    static RequestResponseCommand read(FrameReader r) {
        Idm idm = r.idm();
        r.end("Request Response command");
        return new RequestResponseCommand(idm);
    }
}
