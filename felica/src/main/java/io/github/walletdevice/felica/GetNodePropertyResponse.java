package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Get Node Property ({@code 29}): {@code LEN 29 IDm SF1 SF2 [n Property×n]}, each property 10 bytes
 * (value-limited purse) or 1 byte (MAC communication); the size follows from the payload. The count and
 * properties follow only when Status Flag 1 is {@code 00}.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 * @param nodeCount the number of properties, 1–16 (0 in an error body)
 * @param properties the properties back to back: {@code nodeCount} or 10 × {@code nodeCount} bytes
 */
public record GetNodePropertyResponse(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2, int nodeCount,
        byte[] properties) implements StatusFlagResponse {

    /** The response code, {@code 29}. */
    public static final byte CODE = 0x29;

    /**
     * Checks the values and copies the data.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @param nodeCount 1–16 on success, 0 in an error body
     * @param properties {@code nodeCount} or 10 × {@code nodeCount} bytes
     * @throws IllegalArgumentException if the values do not fit together
     * @throws NullPointerException if a value is null
     */
    public GetNodePropertyResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
        properties = Bytes.copy(properties, "properties");
        if (!statusFlag1.isSuccess()) {
            if (nodeCount != 0 || properties.length != 0) {
                throw new IllegalArgumentException("an error response (Status Flag 1 " + statusFlag1
                        + ") ends after Status Flag 2: no properties");
            }
        } else {
            if (nodeCount < 1 || nodeCount > GetNodePropertyCommand.MAX_NODES) {
                throw new IllegalArgumentException("the number of nodes must be 1–16, got " + nodeCount);
            }
            if (properties.length != nodeCount && properties.length != 10 * nodeCount) {
                throw new IllegalArgumentException(nodeCount + " properties must be " + nodeCount + " or "
                        + 10 * nodeCount + " bytes, got " + properties.length);
            }
        }
    }

    /**
     * Returns the properties (a copy), back to back.
     *
     * @return the data
     */
    @Override
    public byte[] properties() {
        return properties.clone();
    }

    /**
     * Returns the size of one property.
     *
     * @return 1 or 10, or 0 in an error body
     */
    public int propertySize() {
        return nodeCount == 0 ? 0 : properties.length / nodeCount;
    }

    /**
     * Returns each property (copies), in node order.
     *
     * @return the properties
     */
    public List<byte[]> propertyList() {
        int size = propertySize();
        List<byte[]> out = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            out.add(Arrays.copyOfRange(properties, i * size, (i + 1) * size));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Map<String, Object> details() {
        if (!statusFlag1.isSuccess()) {
            return Map.of();
        }
        List<String> props = new ArrayList<>();
        for (byte[] p : propertyList()) {
            props.add(HEX.formatHex(p));
        }
        return Details.of("properties", Collections.unmodifiableList(props));
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
        return statusFlag1.isSuccess() ? 13 + properties.length : 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value());
        if (statusFlag1.isSuccess()) {
            w.u8(nodeCount).bytes(properties);
        }
        return w.done();
    }

    static GetNodePropertyResponse read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        if (!sf1.isSuccess()) {
            r.end("Get Node Property error response");
            return new GetNodePropertyResponse(idm, sf1, sf2, 0, Bytes.EMPTY);
        }
        int n = r.count("the number of nodes", 1, GetNodePropertyCommand.MAX_NODES);
        int left = r.remaining();
        if (left != n && left != 10 * n) {
            throw new FelicaFormatException(r.position(), n + " node properties need " + n + " or " + 10 * n
                    + " bytes but " + left + " bytes follow");
        }
        return new GetNodePropertyResponse(idm, sf1, sf2, n, r.bytes(left, "the properties"));
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a response with equal fields and equal properties
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof GetNodePropertyResponse x && x.idm.equals(idm) && x.statusFlag1.equals(statusFlag1)
                && x.statusFlag2.equals(statusFlag2) && x.nodeCount == nodeCount
                && Arrays.equals(x.properties, properties);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, statusFlag1, statusFlag2, nodeCount, Arrays.hashCode(properties));
    }

    /**
     * Returns a readable form with the properties as hex.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "GetNodePropertyResponse[idm=" + idm + ", statusFlag1=" + statusFlag1 + ", statusFlag2=" + statusFlag2
                + ", nodeCount=" + nodeCount + ", properties=" + HEX.formatHex(properties) + "]";
    }
}
