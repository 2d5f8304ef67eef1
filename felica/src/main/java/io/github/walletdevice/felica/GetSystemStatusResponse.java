package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Get System Status ({@code 39}): {@code LEN 39 IDm SF1 SF2 [Flag DataLength Data]}. The flag and
 * data follow only when Status Flag 1 is {@code 00}; their meaning is not published.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 * @param flag the flag byte, 0–255 (0 in an error body)
 * @param data the data (empty in an error body)
 */
public record GetSystemStatusResponse(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2, int flag,
        byte[] data) implements StatusFlagResponse {

    /** The response code, {@code 39}. */
    public static final byte CODE = 0x39;

    /**
     * Checks the values and copies the data.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @param flag 0–255, and 0 when Status Flag 1 is not {@code 00}
     * @param data at most 241 bytes, and empty when Status Flag 1 is not {@code 00}
     * @throws IllegalArgumentException if a value is out of range or an error body has a flag or data
     * @throws NullPointerException if a value is null
     */
    public GetSystemStatusResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
        data = Bytes.copy(data, "data");
        if ((flag & ~0xFF) != 0) {
            throw new IllegalArgumentException("the flag is one byte (0–255), got " + flag);
        }
        if (!statusFlag1.isSuccess() && (flag != 0 || data.length != 0)) {
            throw new IllegalArgumentException("an error response (Status Flag 1 " + statusFlag1
                    + ") ends after Status Flag 2: flag must be 0 and data empty");
        }
        FrameWriter.checkLength(14 + data.length, "Get System Status response");
    }

    /**
     * Returns the data (a copy).
     *
     * @return the data
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Map<String, Object> details() {
        return statusFlag1.isSuccess() ? Details.of("flag", flag, "data", HEX.formatHex(data)) : Map.of();
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
        return statusFlag1.isSuccess() ? 14 + data.length : 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value());
        if (statusFlag1.isSuccess()) {
            w.u8(flag).u8(data.length).bytes(data);
        }
        return w.done();
    }

    static GetSystemStatusResponse read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        if (!sf1.isSuccess()) {
            r.end("Get System Status error response");
            return new GetSystemStatusResponse(idm, sf1, sf2, 0, Bytes.EMPTY);
        }
        int flag = r.u8("the flag");
        int at = r.position();
        int n = r.u8("the data length");
        if (r.remaining() != n) {
            throw new FelicaFormatException(at, "the data length says " + n + " bytes but " + r.remaining()
                    + " bytes follow");
        }
        return new GetSystemStatusResponse(idm, sf1, sf2, flag, r.bytes(n, "the data"));
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a response with equal fields and equal data
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof GetSystemStatusResponse x && x.idm.equals(idm) && x.statusFlag1.equals(statusFlag1)
                && x.statusFlag2.equals(statusFlag2) && x.flag == flag && Arrays.equals(x.data, data);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, statusFlag1, statusFlag2, flag, Arrays.hashCode(data));
    }

    /**
     * Returns a readable form with the data as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "GetSystemStatusResponse[idm=" + idm + ", statusFlag1=" + statusFlag1 + ", statusFlag2=" + statusFlag2
                + ", flag=" + HEX.toHexDigits((byte) flag) + ", data=" + HEX.formatHex(data) + "]";
    }
}
