package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to Search Service Code ({@code 0B}), one of three shapes:
 * <ul>
 *   <li>a service: {@code 0C 0B IDm ServiceCode(2, little-endian)};</li>
 *   <li>an area: {@code 0E 0B IDm AreaCode(2) EndServiceCode(2)}, both little-endian (the end code's attribute is
 *       usually {@code 3F}, {@code 3E} for area 0);</li>
 *   <li>the end of the list: {@code 0C 0B IDm FF FF}.</li>
 * </ul>
 *
 * @param idm the IDm
 * @param nodeCode the service or area code, or {@code FFFF} for the end
 * @param endServiceCode the end service code of an area, empty for a service or the end
 */
public record SearchServiceCodeResponse(Idm idm, int nodeCode, OptionalInt endServiceCode) implements FelicaResponse {

    /** The response code, {@code 0B}. */
    public static final byte CODE = 0x0B;

    /**
     * Checks the values.
     *
     * @param idm not null
     * @param nodeCode 0x0000–0xFFFF
     * @param endServiceCode empty, or 0x0000–0xFFFF
     * @throws IllegalArgumentException if a code is not 16 bits
     * @throws NullPointerException if a value is null
     */
    public SearchServiceCodeResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(endServiceCode, "endServiceCode");
        if ((nodeCode & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a code is 16 bits (0000–FFFF), got " + nodeCode);
        }
        if (endServiceCode.isPresent() && (endServiceCode.getAsInt() & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an end service code is 16 bits (0000–FFFF), got "
                    + endServiceCode.getAsInt());
        }
    }

    /**
     * Returns the answer naming a service.
     *
     * @param idm the IDm
     * @param service the service code
     * @return the response
     * @throws NullPointerException if a value is null
     */
    public static SearchServiceCodeResponse service(Idm idm, ServiceCode service) {
        return new SearchServiceCodeResponse(idm, service.value(), OptionalInt.empty());
    }

    /**
     * Returns the answer naming an area.
     *
     * @param idm the IDm
     * @param area the area code
     * @param endServiceCode the last code of the area, 0x0000–0xFFFF
     * @return the response
     * @throws IllegalArgumentException if {@code endServiceCode} is not 16 bits
     * @throws NullPointerException if a value is null
     */
    public static SearchServiceCodeResponse area(Idm idm, AreaCode area, int endServiceCode) {
        return new SearchServiceCodeResponse(idm, area.value(), OptionalInt.of(endServiceCode));
    }

    /**
     * Returns the answer past the last node ({@code FFFF}).
     *
     * @param idm the IDm
     * @return the response
     * @throws NullPointerException if {@code idm} is null
     */
    public static SearchServiceCodeResponse end(Idm idm) {
        return new SearchServiceCodeResponse(idm, 0xFFFF, OptionalInt.empty());
    }

    /**
     * Tells whether this is the end-of-list answer {@code FFFF}.
     *
     * @return true at the end
     */
    public boolean isEnd() {
        return nodeCode == 0xFFFF && endServiceCode.isEmpty();
    }

    /**
     * Tells whether this answer names an area.
     *
     * @return true for the 4-byte form
     */
    public boolean isArea() {
        return endServiceCode.isPresent();
    }

    /**
     * Returns the service this answer names.
     *
     * @return the service code, or empty for an area or the end
     */
    public Optional<ServiceCode> serviceCode() {
        return isArea() || isEnd() ? Optional.empty() : Optional.of(new ServiceCode(nodeCode));
    }

    /**
     * Returns the area this answer names.
     *
     * @return the area code, or empty for a service or the end
     */
    public Optional<AreaCode> areaCode() {
        return isArea() ? Optional.of(new AreaCode(nodeCode)) : Optional.empty();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (isArea()) {
            m.put("areaCode", HEX.toHexDigits((short) nodeCode));
            m.put("endServiceCode", HEX.toHexDigits((short) endServiceCode.getAsInt()));
        } else if (!isEnd()) {
            m.put("serviceCode", HEX.toHexDigits((short) nodeCode));
        }
        m.put("end", isEnd());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "SearchServiceCode";
    }

    @Override
    public int length() {
        return endServiceCode.isPresent() ? 14 : 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).le16(nodeCode);
        if (endServiceCode.isPresent()) {
            w.le16(endServiceCode.getAsInt());
        }
        return w.done();
    }

    static SearchServiceCodeResponse read(FrameReader r) {
        Idm idm = r.idm();
        int code = r.le16("the service or area code");
        if (r.remaining() == 0) {
            return new SearchServiceCodeResponse(idm, code, OptionalInt.empty());
        }
        int end = r.le16("the end service code");
        r.end("Search Service Code response");
        return new SearchServiceCodeResponse(idm, code, OptionalInt.of(end));
    }

    /**
     * Returns a readable form: {@code SearchServiceCodeResponse[idm=…, service=090F]},
     * {@code […, area=1000, endServiceCode=13FF]} or {@code […, end]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String body;
        if (isArea()) {
            body = "area=" + HEX.toHexDigits((short) nodeCode) + ", endServiceCode=" + HEX.toHexDigits((short) endServiceCode.getAsInt());
        } else if (isEnd()) {
            body = "end";
        } else {
            body = "service=" + HEX.toHexDigits((short) nodeCode);
        }
        return "SearchServiceCodeResponse[idm=" + idm + ", " + body + "]";
    }
}
