package io.github.walletdevice.felica;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request Service ({@code 03}): {@code LEN 03 IDm n KeyVersion×n (little-endian)}, one key version per
 * node asked for, {@code FFFF} for a node that does not exist. No status flags.
 *
 * @param idm the IDm
 * @param keyVersions 1–32 key versions, in the order of the command's node codes
 */
public record RequestServiceResponse(Idm idm, List<KeyVersion> keyVersions) implements FelicaResponse {

    /** The response code, {@code 03}. */
    public static final byte CODE = 0x03;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param keyVersions 1–32 key versions
     * @throws IllegalArgumentException if there are not 1–32 key versions
     * @throws NullPointerException if a value is null
     */
    public RequestServiceResponse {
        Objects.requireNonNull(idm, "idm");
        keyVersions = FrameWriter.copyList(keyVersions, "key versions in Request Service",
                1, RequestServiceCommand.MAX_NODES);
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("keyVersions", Details.codes(keyVersions));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "RequestService";
    }

    @Override
    public int length() {
        return 11 + 2 * keyVersions.size();
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(keyVersions.size());
        for (KeyVersion k : keyVersions) {
            w.le16(k.value());
        }
        return w.done();
    }

    static RequestServiceResponse read(FrameReader r) {
        Idm idm = r.idm();
        int n = r.count("the number of key versions", 1, RequestServiceCommand.MAX_NODES);
        r.need(2 * n, n + " key versions");
        KeyVersion[] versions = new KeyVersion[n];
        for (int i = 0; i < n; i++) {
            versions[i] = new KeyVersion(r.le16("a key version"));
        }
        r.end("Request Service response");
        return new RequestServiceResponse(idm, List.of(versions));
    }
}
