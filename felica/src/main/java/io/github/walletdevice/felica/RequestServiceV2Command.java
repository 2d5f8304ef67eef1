package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Request Service v2 ({@code 32}): like Request Service, but the answer has status flags, the encryption
 * identifier, and AES and DES key versions. Frame: {@code LEN 32 IDm n NodeCode×n (little-endian)}.
 *
 * @param idm the IDm of the system addressed
 * @param nodeCodes 1–32 node codes
 */
public record RequestServiceV2Command(Idm idm, List<NodeCode> nodeCodes)
        implements FelicaCommand<RequestServiceV2Response> {

    /** The command code, {@code 32}. */
    public static final byte CODE = 0x32;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param nodeCodes 1–32 node codes
     * @throws IllegalArgumentException if there are not 1–32 node codes
     * @throws NullPointerException if a value is null
     */
    public RequestServiceV2Command {
        Objects.requireNonNull(idm, "idm");
        nodeCodes = FrameWriter.copyList(nodeCodes, "node codes in Request Service v2", 1,
                RequestServiceCommand.MAX_NODES);
    }

    @Override
    public Class<RequestServiceV2Response> responseType() {
        return RequestServiceV2Response.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.VARIABLE, nodeCodes.size());
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("nodeCodes", Details.codes(nodeCodes));
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
        return 11 + 2 * nodeCodes.size();
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(nodeCodes.size());
        for (NodeCode n : nodeCodes) {
            w.le16(n.value());
        }
        return w.done();
    }

    static RequestServiceV2Command read(FrameReader r) {
        Idm idm = r.idm();
        return new RequestServiceV2Command(idm, RequestServiceCommand.readNodes(r, "the number of nodes",
                RequestServiceCommand.MAX_NODES, "Request Service v2 command"));
    }
}
