package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to Polling ({@code 01}): {@code LEN 01 IDm(8) PMm(8) [RequestData(2)]}, 18 bytes, or 20 with request
 * data. The card adds request data only when the Polling asked for it <em>and</em> it supports that request code,
 * so an 18-byte answer to a Polling with a request code is valid.
 *
 * @param idm the IDm of the selected system
 * @param pmm the PMm
 * @param requestData the 2 bytes of request data as a big-endian number (0x0000–0xFFFF), or empty
 */
public record PollingResponse(Idm idm, Pmm pmm, OptionalInt requestData) implements FelicaResponse {

    /** The response code, {@code 01}. */
    public static final byte CODE = 0x01;

    /**
     * Checks the values.
     *
     * @param idm not null
     * @param pmm not null
     * @param requestData empty, or 0x0000–0xFFFF
     * @throws IllegalArgumentException if the request data is not 2 bytes
     * @throws NullPointerException if a value is null
     */
    public PollingResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(pmm, "pmm");
        Objects.requireNonNull(requestData, "requestData");
        if (requestData.isPresent() && (requestData.getAsInt() & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("request data is 2 bytes (0000–FFFF), got " + requestData.getAsInt());
        }
    }

    /**
     * Returns a response without request data.
     *
     * @param idm the IDm
     * @param pmm the PMm
     * @return the response
     * @throws NullPointerException if a value is null
     */
    public static PollingResponse of(Idm idm, Pmm pmm) {
        return new PollingResponse(idm, pmm, OptionalInt.empty());
    }

    /**
     * Reads the request data as a system code (the answer to request code {@code 01}).
     *
     * @return the system code, or empty without request data
     */
    public Optional<SystemCode> requestedSystemCode() {
        return requestData.isPresent() ? Optional.of(new SystemCode(requestData.getAsInt())) : Optional.empty();
    }

    /**
     * Reads the request data as the communication performance bitmap (the answer to request code {@code 02}:
     * a reserved byte, then bit 0 = 212 kbps, bit 1 = 424, bit 2 = 848, bit 3 = 1696, bit 7 = automatic rate
     * detection).
     *
     * @return the second byte, or empty without request data
     */
    public OptionalInt communicationPerformance() {
        return requestData.isPresent() ? OptionalInt.of(requestData.getAsInt() & 0xFF) : OptionalInt.empty();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pmm", pmm.toString());
        requestData.ifPresent(d -> m.put("requestData", HEX.toHexDigits((short) d)));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Polling";
    }

    @Override
    public int length() {
        return requestData.isPresent() ? 20 : 18;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).be64(pmm.value());
        if (requestData.isPresent()) {
            w.be16(requestData.getAsInt());
        }
        return w.done();
    }

    static PollingResponse read(FrameReader r) {
        Idm idm = r.idm();
        Pmm pmm = new Pmm(r.be64("the PMm"));
        if (r.remaining() == 0) {
            return new PollingResponse(idm, pmm, OptionalInt.empty());
        }
        int rd = r.be16("the request data");
        r.end("Polling response");
        return new PollingResponse(idm, pmm, OptionalInt.of(rd));
    }

    /**
     * Returns a readable form, for example
     * {@code PollingResponse[idm=012E4CD4A1B2C3D4, pmm=100B4B428485D0FF, requestData=0003]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "PollingResponse[idm=" + idm + ", pmm=" + pmm
                + (requestData.isPresent() ? ", requestData=" + HEX.toHexDigits((short) requestData.getAsInt()) : "") + "]";
    }
}
