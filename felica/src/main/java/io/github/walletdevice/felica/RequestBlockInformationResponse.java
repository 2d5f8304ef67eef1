package io.github.walletdevice.felica;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Request Block Information ({@code 0F}): {@code LEN 0F IDm n BlockInfo×n}, 2 bytes per node, read
 * little-endian like every other 16-bit field of the node family.
 *
 * @param idm the IDm
 * @param blockInformation 1–32 values, 0x0000–0xFFFF, one per node asked for
 */
public record RequestBlockInformationResponse(Idm idm, List<Integer> blockInformation) implements FelicaResponse {

    /** The response code, {@code 0F}. */
    public static final byte CODE = 0x0F;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param blockInformation 1–32 values of 16 bits
     * @throws IllegalArgumentException if there are not 1–32 values or one is not 16 bits
     * @throws NullPointerException if a value is null
     */
    public RequestBlockInformationResponse {
        Objects.requireNonNull(idm, "idm");
        blockInformation = FrameWriter.copyList(blockInformation, "block information values", 1,
                RequestServiceCommand.MAX_NODES);
        for (int v : blockInformation) {
            if ((v & ~0xFFFF) != 0) {
                throw new IllegalArgumentException("block information is 16 bits (0–65535), got " + v);
            }
        }
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("blockInformation", blockInformation);
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "RequestBlockInformation";
    }

    @Override
    public int length() {
        return 11 + 2 * blockInformation.size();
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(blockInformation.size());
        for (int v : blockInformation) {
            w.le16(v);
        }
        return w.done();
    }

    static RequestBlockInformationResponse read(FrameReader r) {
        Idm idm = r.idm();
        int n = r.count("the number of block information values", 1, RequestServiceCommand.MAX_NODES);
        r.need(2 * n, n + " block information values");
        Integer[] values = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = r.le16("a block information value");
        }
        r.end("Request Block Information response");
        return new RequestBlockInformationResponse(idm, List.of(values));
    }
}
