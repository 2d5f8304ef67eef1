package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Request Specification Version ({@code 3C}): ask for the card's FeliCa specification and option versions. Cards that do not support it stay silent. Frame: {@code 0C 3C IDm 00 00}.
 *
 * @param idm the IDm of the system addressed
 */
public record RequestSpecificationVersionCommand(Idm idm)
        implements FelicaCommand<RequestSpecificationVersionResponse> {

    /** The command code, {@code 3C}. */
    public static final byte CODE = 0x3C;

    /**
     * Checks for null.
     *
     * @param idm not null
     * @throws NullPointerException if {@code idm} is null
     */
    public RequestSpecificationVersionCommand {
        Objects.requireNonNull(idm, "idm");
    }

    @Override
    public Class<RequestSpecificationVersionResponse> responseType() {
        return RequestSpecificationVersionResponse.class;
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
        return "RequestSpecificationVersion";
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

    static RequestSpecificationVersionCommand read(FrameReader r) {
        Idm idm = r.idm();
        r.reserved();
        r.end("Request Specification Version command");
        return new RequestSpecificationVersionCommand(idm);
    }
}
