package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.Optional;

/**
 * Get Container ID ({@code 70}): ask a mobile FeliCa device for its container IDm. Frame:
 * {@code 04 70 00 00}, with <b>no IDm</b> (two reserved zero bytes).
 */
public record GetContainerIdCommand() implements FelicaCommand<GetContainerIdResponse> {

    /** The command code, {@code 70}. */
    public static final byte CODE = 0x70;

    @Override
    public Class<GetContainerIdResponse> responseType() {
        return GetContainerIdResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.timeout(CommandClass.OTHER, 1);
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
        return 4;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.empty();
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(4, CODE).le16(0).done();
    }

    static GetContainerIdCommand read(FrameReader r) {
        r.reserved();
        r.end("Get Container ID command");
        return new GetContainerIdCommand();
    }
}
