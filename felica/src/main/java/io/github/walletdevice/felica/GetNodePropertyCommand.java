package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Get Node Property ({@code 28}): ask for a property of 1–16 nodes. Frame:
 * {@code LEN 28 IDm Target n NodeCode×n (little-endian)}; target {@code 00} asks for the value-limited purse
 * property (10 bytes per node), {@code 01} for the MAC-communication property (1 byte per node).
 *
 * @param idm the IDm of the system addressed
 * @param target {@link #VALUE_LIMITED_PURSE} or {@link #MAC_COMMUNICATION}
 * @param nodeCodes 1–16 node codes
 */
public record GetNodePropertyCommand(Idm idm, int target, List<NodeCode> nodeCodes)
        implements FelicaCommand<GetNodePropertyResponse> {

    /** The command code, {@code 28}. */
    public static final byte CODE = 0x28;
    /** Target {@code 00}: the value-limited purse service property (10 bytes per node). */
    public static final int VALUE_LIMITED_PURSE = 0x00;
    /** Target {@code 01}: the MAC-communication property (1 byte per node). */
    public static final int MAC_COMMUNICATION = 0x01;
    /** The most node codes a Get Node Property can carry. */
    public static final int MAX_NODES = 16;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param target 0 or 1
     * @param nodeCodes 1–16 node codes
     * @throws IllegalArgumentException if the target is not 0 or 1, or there are not 1–16 node codes
     * @throws NullPointerException if a value is null
     */
    public GetNodePropertyCommand {
        Objects.requireNonNull(idm, "idm");
        if (target != VALUE_LIMITED_PURSE && target != MAC_COMMUNICATION) {
            throw new IllegalArgumentException("the Get Node Property target must be 00 or 01, got " + target);
        }
        nodeCodes = FrameWriter.copyList(nodeCodes, "node codes in Get Node Property", 1, MAX_NODES);
    }

    @Override
    public Class<GetNodePropertyResponse> responseType() {
        return GetNodePropertyResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.VARIABLE, nodeCodes.size());
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("target", target, "nodeCodes", Details.codes(nodeCodes));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "GetNodeProperty";
    }

    @Override
    public int length() {
        return 12 + 2 * nodeCodes.size();
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(target).u8(nodeCodes.size());
        for (NodeCode n : nodeCodes) {
            w.le16(n.value());
        }
        return w.done();
    }

    static GetNodePropertyCommand read(FrameReader r) {
        Idm idm = r.idm();
        int target = r.count("the target", 0, 1);
        return new GetNodePropertyCommand(idm, target,
                RequestServiceCommand.readNodes(r, "the number of nodes", MAX_NODES, "Get Node Property command"));
    }
}
