package io.github.walletdevice.felica;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request System Code ({@code 0D}): {@code LEN 0D IDm n SystemCode×n (big-endian)}, in order from
 * system 0.
 *
 * @param idm the IDm
 * @param systemCodes 1–16 system codes (the system number is 4 bits)
 */
public record RequestSystemCodeResponse(Idm idm, List<SystemCode> systemCodes) implements FelicaResponse {

    /** The response code, {@code 0D}. */
    public static final byte CODE = 0x0D;
    /** The most systems a card can have: the system number in the IDm is 4 bits. */
    public static final int MAX_SYSTEMS = 16;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param systemCodes 1–16 system codes
     * @throws IllegalArgumentException if there are not 1–16 system codes
     * @throws NullPointerException if a value is null
     */
    public RequestSystemCodeResponse {
        Objects.requireNonNull(idm, "idm");
        systemCodes = FrameWriter.copyList(systemCodes, "system codes", 1, MAX_SYSTEMS);
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("systemCodes", Details.codes(systemCodes));
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
        return 11 + 2 * systemCodes.size();
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(systemCodes.size());
        for (SystemCode s : systemCodes) {
            w.be16(s.value());
        }
        return w.done();
    }

    static RequestSystemCodeResponse read(FrameReader r) {
        Idm idm = r.idm();
        int n = r.count("the number of system codes", 1, MAX_SYSTEMS);
        r.need(2 * n, n + " system codes");
        SystemCode[] codes = new SystemCode[n];
        for (int i = 0; i < n; i++) {
            codes[i] = new SystemCode(r.be16("a system code"));
        }
        r.end("Request System Code response");
        return new RequestSystemCodeResponse(idm, List.of(codes));
    }
}
