package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Search Service Code ({@code 0A}): ask for the area or service at a position of the system's node list. Frame:
 * {@code 0C 0A IDm Index(2, little-endian)}. Enumerate a system by asking index 0, 1, 2… until the card answers
 * {@code FFFF}.
 *
 * @param idm the IDm of the system addressed
 * @param index 0x0000–0xFFFF
 */
public record SearchServiceCodeCommand(Idm idm, int index) implements FelicaCommand<SearchServiceCodeResponse> {

    /** The command code, {@code 0A}. */
    public static final byte CODE = 0x0A;

    /**
     * Checks the values.
     *
     * @param idm not null
     * @param index 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code index} is outside 0–65535
     * @throws NullPointerException if {@code idm} is null
     */
    public SearchServiceCodeCommand {
        Objects.requireNonNull(idm, "idm");
        if ((index & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("the Search Service Code index is 2 bytes (0–65535), got " + index);
        }
    }

    @Override
    public Class<SearchServiceCodeResponse> responseType() {
        return SearchServiceCodeResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.searchServiceCodeTimeout();
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("index", index);
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
        return 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(12, CODE).idm(idm).le16(index).done();
    }

    static SearchServiceCodeCommand read(FrameReader r) {
        Idm idm = r.idm();
        int index = r.le16("the index");
        r.end("Search Service Code command");
        return new SearchServiceCodeCommand(idm, index);
    }
}
