package io.github.walletdevice.felica;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request Response ({@code 05}): {@code 0B 05 IDm Mode}. Mode 0 follows power-up and Polling, 1
 * follows Authentication1, 2 follows Authentication2, 3 is issuance.
 *
 * @param idm the IDm
 * @param mode 0–3
 */
public record RequestResponseResponse(Idm idm, int mode) implements FelicaResponse {

    /** The response code, {@code 05}. */
    public static final byte CODE = 0x05;

    /**
     * Checks the values.
     *
     * @param idm not null
     * @param mode 0–3
     * @throws IllegalArgumentException if {@code mode} is outside 0–3
     * @throws NullPointerException if {@code idm} is null
     */
    public RequestResponseResponse {
        Objects.requireNonNull(idm, "idm");
        if (mode < 0 || mode > 3) {
            throw new IllegalArgumentException("the mode must be 0–3, got " + mode);
        }
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("mode", mode);
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
        return 11;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(11, CODE).idm(idm).u8(mode).done();
    }

    static RequestResponseResponse read(FrameReader r) {
        Idm idm = r.idm();
        int mode = r.count("the mode", 0, 3);
        r.end("Request Response response");
        return new RequestResponseResponse(idm, mode);
    }
}
