package io.github.walletdevice.felica;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Get Container ID ({@code 71}): {@code 0A 71 ContainerIDm(8)}. There is no IDm header; the 8 bytes
 * are the container's IDm.
 *
 * @param containerIdm the container IDm
 */
public record GetContainerIdResponse(Idm containerIdm) implements FelicaResponse {

    /** The response code, {@code 71}. */
    public static final byte CODE = 0x71;

    /**
     * Checks for null.
     *
     * @param containerIdm not null
     * @throws NullPointerException if {@code containerIdm} is null
     */
    public GetContainerIdResponse {
        Objects.requireNonNull(containerIdm, "containerIdm");
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("containerIdm", containerIdm.toString());
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "GetContainerId";
    }

    @Override
    public int length() {
        return 10;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.empty();
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(10, CODE).idm(containerIdm).done();
    }

    static GetContainerIdResponse read(FrameReader r) {
        Idm idm = new Idm(r.be64("the container IDm"));
        r.end("Get Container ID response");
        return new GetContainerIdResponse(idm);
    }
}
