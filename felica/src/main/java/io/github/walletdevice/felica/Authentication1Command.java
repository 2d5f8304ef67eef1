package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication1 ({@code 10}, DES): the first step of mutual authentication. Frame:
 * {@code LEN 10 IDm a AreaCode×a s ServiceCode×s Challenge1A(8)}, codes little-endian. This class only carries
 * the frame; computing the challenge is left to the caller.
 *
 * @param idm the IDm of the system addressed
 * @param areaCodes the area codes (0–255, within the 255-byte frame)
 * @param serviceCodes the service codes (0–255, within the 255-byte frame)
 * @param challenge1A the reader's 8-byte challenge
 */
public record Authentication1Command(Idm idm, List<AreaCode> areaCodes, List<ServiceCode> serviceCodes,
        byte[] challenge1A) implements FelicaCommand<Authentication1Response> {

    /** The command code, {@code 10}. */
    public static final byte CODE = 0x10;

    /**
     * Checks the values and copies the lists and the challenge.
     *
     * @param idm not null
     * @param areaCodes not null
     * @param serviceCodes not null
     * @param challenge1A 8 bytes
     * @throws IllegalArgumentException if the challenge is not 8 bytes or the frame would exceed 255 bytes
     * @throws NullPointerException if a value is null
     */
    public Authentication1Command {
        Objects.requireNonNull(idm, "idm");
        areaCodes = FrameWriter.copyList(areaCodes, "area codes in Authentication1", 0, 255);
        serviceCodes = FrameWriter.copyList(serviceCodes, "service codes in Authentication1", 0, 255);
        challenge1A = Bytes.copyExact(challenge1A, 8, "challenge 1A");
        FrameWriter.checkLength(20 + 2 * (areaCodes.size() + serviceCodes.size()), "Authentication1");
    }

    /**
     * Returns the challenge (a copy).
     *
     * @return 8 bytes
     */
    @Override
    public byte[] challenge1A() {
        return challenge1A.clone();
    }

    @Override
    public Class<Authentication1Response> responseType() {
        return Authentication1Response.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.MUTUAL_AUTHENTICATION, 1);
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("areaCodes", Details.codes(areaCodes), "serviceCodes", Details.codes(serviceCodes),
                "challenge1A", HEX.formatHex(challenge1A));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Authentication1";
    }

    @Override
    public int length() {
        return 20 + 2 * (areaCodes.size() + serviceCodes.size());
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(areaCodes.size());
        for (AreaCode a : areaCodes) {
            w.le16(a.value());
        }
        w.u8(serviceCodes.size());
        for (ServiceCode s : serviceCodes) {
            w.le16(s.value());
        }
        return w.bytes(challenge1A).done();
    }

    static Authentication1Command read(FrameReader r) {
        Idm idm = r.idm();
        int a = r.u8("the number of area codes");
        r.need(2 * a, a + " area codes");
        AreaCode[] areas = new AreaCode[a];
        for (int i = 0; i < a; i++) {
            areas[i] = new AreaCode(r.le16("an area code"));
        }
        int s = r.u8("the number of service codes");
        r.need(2 * s, s + " service codes");
        ServiceCode[] services = new ServiceCode[s];
        for (int i = 0; i < s; i++) {
            services[i] = new ServiceCode(r.le16("a service code"));
        }
        byte[] challenge = r.bytes(8, "challenge 1A");
        r.end("Authentication1 command");
        return new Authentication1Command(idm, List.of(areas), List.of(services), challenge);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a command with equal fields and an equal challenge
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Authentication1Command x && x.idm.equals(idm) && x.areaCodes.equals(areaCodes)
                && x.serviceCodes.equals(serviceCodes) && Arrays.equals(x.challenge1A, challenge1A);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, areaCodes, serviceCodes, Arrays.hashCode(challenge1A));
    }

    /**
     * Returns a readable form with the challenge as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Authentication1Command[idm=" + idm + ", areaCodes=" + areaCodes + ", serviceCodes=" + serviceCodes
                + ", challenge1A=" + HEX.formatHex(challenge1A) + "]";
    }
}
