package io.github.walletdevice.felica;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Reset Mode ({@code 3F}): {@code 0C 3F IDm SF1 SF2}.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 */
public record ResetModeResponse(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2)
        implements StatusFlagResponse {

    /** The response code, {@code 3F}. */
    public static final byte CODE = 0x3F;

    /**
     * Checks for nulls.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @throws NullPointerException if a value is null
     */
    public ResetModeResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "ResetMode";
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
        return FrameWriter.start(12, CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value()).done();
    }

    static ResetModeResponse read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        r.end("Reset Mode response");
        return new ResetModeResponse(idm, sf1, sf2);
    }
}
