package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Request Service ({@code 02}): ask for the key versions of 1–32 nodes (areas, services, or the system
 * {@code FFFF}), which also tells whether they exist. Frame: {@code LEN 02 IDm n NodeCode×n (little-endian)}.
 *
 * @param idm the IDm of the system addressed
 * @param nodeCodes 1–32 node codes
 */
public record RequestServiceCommand(Idm idm, List<NodeCode> nodeCodes)
        implements FelicaCommand<RequestServiceResponse> {

    /** The command code, {@code 02}. */
    public static final byte CODE = 0x02;
    /** The most node codes a Request Service can carry. */
    public static final int MAX_NODES = 32;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param nodeCodes 1–32 node codes
     * @throws IllegalArgumentException if there are not 1–32 node codes
     * @throws NullPointerException if a value is null
     */
    public RequestServiceCommand {
        Objects.requireNonNull(idm, "idm");
        nodeCodes = FrameWriter.copyList(nodeCodes, "node codes in Request Service", 1, MAX_NODES);
    }

    /**
     * Returns a Request Service for the given nodes.
     *
     * @param idm the IDm
     * @param nodeCodes 1–32 node codes
     * @return the command
     * @throws IllegalArgumentException if there are not 1–32 node codes
     * @throws NullPointerException if a value is null
     */
    public static RequestServiceCommand of(Idm idm, NodeCode... nodeCodes) {
        return new RequestServiceCommand(idm, List.of(nodeCodes));
    }

    @Override
    public Class<RequestServiceResponse> responseType() {
        return RequestServiceResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.requestServiceTimeout(nodeCodes.size());
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
        return "RequestService";
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

    static RequestServiceCommand read(FrameReader r) {
        Idm idm = r.idm();
        return new RequestServiceCommand(idm, readNodes(r, "the number of nodes", MAX_NODES, "Request Service command"));
    }

    /** Reads {@code n NodeCode×n} and checks that nothing follows. */
    static List<NodeCode> readNodes(FrameReader r, String countName, int max, String frame) {
        int n = r.count(countName, 1, max);
        r.need(2 * n, n + " node codes");
        NodeCode[] nodes = new NodeCode[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = new NodeCode(r.le16("a node code"));
        }
        r.end(frame);
        return List.of(nodes);
    }
}
