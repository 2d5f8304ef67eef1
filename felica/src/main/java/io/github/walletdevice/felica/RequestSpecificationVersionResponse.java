package io.github.walletdevice.felica;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request Specification Version ({@code 3D}):
 * {@code LEN 3D IDm SF1 SF2 [FormatVersion BasicVersion(2, LE) m OptionVersion×m (2, LE)]}. The version part
 * follows only when Status Flag 1 is {@code 00}.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 * @param version the versions; present exactly when Status Flag 1 is {@code 00}
 */
public record RequestSpecificationVersionResponse(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2,
        Optional<SpecificationVersion> version) implements StatusFlagResponse {

    /** The response code, {@code 3D}. */
    public static final byte CODE = 0x3D;

    /**
     * Checks the values.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @param version present exactly when Status Flag 1 is {@code 00}
     * @throws IllegalArgumentException if the version does not match the status or the frame would be too long
     * @throws NullPointerException if a value is null
     */
    public RequestSpecificationVersionResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
        Objects.requireNonNull(version, "version");
        if (statusFlag1.isSuccess() != version.isPresent()) {
            throw new IllegalArgumentException(statusFlag1.isSuccess()
                    ? "a successful response carries the version" : "an error response carries no version");
        }
        if (version.isPresent()) {
            FrameWriter.checkLength(12 + version.get().encodedLength(), "Request Specification Version response");
        }
    }

    @Override
    public Map<String, Object> details() {
        if (version.isEmpty()) {
            return Map.of();
        }
        SpecificationVersion v = version.get();
        List<String> options = new ArrayList<>();
        for (FelicaVersion o : v.optionVersions()) {
            options.add(o.toString());
        }
        return Details.of("formatVersion", v.formatVersion(), "basicVersion", v.basicVersion().toString(),
                "optionVersions", Collections.unmodifiableList(options));
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
        return 12 + version.map(SpecificationVersion::encodedLength).orElse(0);
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value());
        if (version.isPresent()) {
            SpecificationVersion v = version.get();
            w.u8(v.formatVersion()).le16(v.basicVersion().value()).u8(v.optionVersions().size());
            for (FelicaVersion o : v.optionVersions()) {
                w.le16(o.value());
            }
        }
        return w.done();
    }

    static RequestSpecificationVersionResponse read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        if (!sf1.isSuccess()) {
            r.end("Request Specification Version error response");
            return new RequestSpecificationVersionResponse(idm, sf1, sf2, Optional.empty());
        }
        int format = r.u8("the format version");
        FelicaVersion basic = new FelicaVersion(r.le16("the basic version"));
        int m = r.u8("the number of option versions");
        r.need(2 * m, m + " option versions");
        FelicaVersion[] options = new FelicaVersion[m];
        for (int i = 0; i < m; i++) {
            options[i] = new FelicaVersion(r.le16("an option version"));
        }
        r.end("Request Specification Version response");
        return new RequestSpecificationVersionResponse(idm, sf1, sf2,
                Optional.of(new SpecificationVersion(format, basic, List.of(options))));
    }
}
