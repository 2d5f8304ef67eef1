package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Request Block Information ({@code 0E}): ask how many blocks nodes hold. Frame:
 * {@code LEN 0E IDm n NodeCode×n (little-endian)}. The reference gives no node limit for this command; the
 * Request Service limit of 1–32 applies.
 *
 * @param idm the IDm of the system addressed
 * @param nodeCodes 1–32 node codes
 */
public record RequestBlockInformationCommand(Idm idm, List<NodeCode> nodeCodes)
        implements FelicaCommand<RequestBlockInformationResponse> {

    /** The command code, {@code 0E}. */
    public static final byte CODE = 0x0E;

    /**
     * Checks the values and copies the list.
     *
     * @param idm not null
     * @param nodeCodes 1–32 node codes
     * @throws IllegalArgumentException if there are not 1–32 node codes
     * @throws NullPointerException if a value is null
     */
    public RequestBlockInformationCommand {
        Objects.requireNonNull(idm, "idm");
        nodeCodes = FrameWriter.copyList(nodeCodes, "node codes in Request Block Information", 1,
                RequestServiceCommand.MAX_NODES);
    }

    @Override
    public Class<RequestBlockInformationResponse> responseType() {
        return RequestBlockInformationResponse.class;
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
        return "RequestBlockInformation";
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

    static RequestBlockInformationCommand read(FrameReader r) {
        Idm idm = r.idm();
        return new RequestBlockInformationCommand(idm, RequestServiceCommand.readNodes(r, "the number of nodes",
                RequestServiceCommand.MAX_NODES, "Request Block Information command"));
    }
}
