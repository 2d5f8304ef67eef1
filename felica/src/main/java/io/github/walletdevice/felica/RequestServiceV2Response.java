package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request Service v2 ({@code 33}):
 * {@code LEN 33 IDm SF1 SF2 [EncryptionIdentifier n KeyVersions]}. The key versions are 2 bytes per node, or 4
 * when the encryption identifier is {@code 41} (AES-128 + DES-56) or {@code 43} (AES-128 + DES-112): then all n
 * AES versions come first, then all n DES versions. Other identifiers: {@code 4F} AES-128 only, {@code 3F}
 * DES-112 only, {@code 2F} DES-56 only.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 * @param encryptionIdentifier the encryption identifier, 0–255 (0 in an error body)
 * @param keyVersions the first (or only) n key versions: AES versions, or DES versions for a DES-only
 *     identifier; empty in an error body
 * @param desKeyVersions the n DES key versions for identifiers {@code 41} and {@code 43}, else empty
 */
public record RequestServiceV2Response(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2,
        int encryptionIdentifier, List<KeyVersion> keyVersions, List<KeyVersion> desKeyVersions)
        implements StatusFlagResponse {

    /** The response code, {@code 33}. */
    public static final byte CODE = 0x33;

    /**
     * Checks the values and copies the lists.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @param encryptionIdentifier 0–255
     * @param keyVersions 1–32 versions on success, empty in an error body
     * @param desKeyVersions as many as {@code keyVersions} for identifiers 41 and 43, else empty
     * @throws IllegalArgumentException if the lists do not match the status and identifier
     * @throws NullPointerException if a value is null
     */
    public RequestServiceV2Response {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
        keyVersions = List.copyOf(keyVersions);
        desKeyVersions = List.copyOf(desKeyVersions);
        if ((encryptionIdentifier & ~0xFF) != 0) {
            throw new IllegalArgumentException("the encryption identifier is one byte, got " + encryptionIdentifier);
        }
        if (!statusFlag1.isSuccess()) {
            if (encryptionIdentifier != 0 || !keyVersions.isEmpty() || !desKeyVersions.isEmpty()) {
                throw new IllegalArgumentException("an error response (Status Flag 1 " + statusFlag1
                        + ") ends after Status Flag 2: no encryption identifier or key versions");
            }
        } else {
            if (keyVersions.isEmpty() || keyVersions.size() > RequestServiceCommand.MAX_NODES) {
                throw new IllegalArgumentException("the number of key versions must be 1–32, got "
                        + keyVersions.size());
            }
            int des = hasDesVersions(encryptionIdentifier) ? keyVersions.size() : 0;
            if (desKeyVersions.size() != des) {
                throw new IllegalArgumentException("encryption identifier " + HEX.toHexDigits((byte) encryptionIdentifier)
                        + " needs " + des + " DES key versions, got " + desKeyVersions.size());
            }
        }
    }

    /** Identifiers {@code 41} and {@code 43} carry AES and DES versions. */
    static boolean hasDesVersions(int encryptionIdentifier) {
        return encryptionIdentifier == 0x41 || encryptionIdentifier == 0x43;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (statusFlag1.isSuccess()) {
            m.put("encryptionIdentifier", HEX.toHexDigits((byte) encryptionIdentifier));
            m.put("keyVersions", Details.codes(keyVersions));
            if (!desKeyVersions.isEmpty()) {
                m.put("desKeyVersions", Details.codes(desKeyVersions));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "RequestServiceV2";
    }

    @Override
    public int length() {
        return statusFlag1.isSuccess() ? 14 + 2 * (keyVersions.size() + desKeyVersions.size()) : 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value());
        if (statusFlag1.isSuccess()) {
            w.u8(encryptionIdentifier).u8(keyVersions.size());
            for (KeyVersion k : keyVersions) {
                w.le16(k.value());
            }
            for (KeyVersion k : desKeyVersions) {
                w.le16(k.value());
            }
        }
        return w.done();
    }

    static RequestServiceV2Response read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        if (!sf1.isSuccess()) {
            r.end("Request Service v2 error response");
            return new RequestServiceV2Response(idm, sf1, sf2, 0, List.of(), List.of());
        }
        int encId = r.u8("the encryption identifier");
        int n = r.count("the number of nodes", 1, RequestServiceCommand.MAX_NODES);
        int lists = hasDesVersions(encId) ? 2 : 1;
        if (r.remaining() != 2 * n * lists) {
            throw new FelicaFormatException(r.position(), n + " nodes with encryption identifier " + HEX.toHexDigits((byte) encId)
                    + " need " + 2 * n * lists + " bytes of key versions but " + r.remaining() + " bytes follow");
        }
        KeyVersion[] first = new KeyVersion[n];
        for (int i = 0; i < n; i++) {
            first[i] = new KeyVersion(r.le16("a key version"));
        }
        KeyVersion[] des = new KeyVersion[lists == 2 ? n : 0];
        for (int i = 0; i < des.length; i++) {
            des[i] = new KeyVersion(r.le16("a DES key version"));
        }
        return new RequestServiceV2Response(idm, sf1, sf2, encId, List.of(first), List.of(des));
    }
}
