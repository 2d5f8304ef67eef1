package io.github.walletdevice.core.internal;

import java.io.IOException;
import io.github.walletdevice.core.transport.TransportOptions;

/**
 * A response body passed {@link TransportOptions#maxResponseBytes()} while it was being read; turned into the
 * public {@link io.github.walletdevice.core.TransportException} by {@link TransportFailures#classify}.
 */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The limit that was passed, in bytes. */
    private final long limit;
    /** The body's {@code Content-Length} when that was over the limit (nothing read), else -1. */
    private final long announced;

    /**
     * Creates the failure.
     *
     * @param limit the limit passed, in bytes
     * @param announced the body's {@code Content-Length} when over the limit, else -1
     */
    public ResponseTooLargeException(long limit, long announced) {
        super("Response body larger than maxResponseBytes (" + limit + " bytes)");
        this.limit = limit;
        this.announced = announced;
    }

    /**
     * The limit that was passed.
     *
     * @return bytes
     */
    public long limit() {
        return limit;
    }

    /**
     * The body's announced length when over the limit.
     *
     * @return bytes, or -1
     */
    public long announced() {
        return announced;
    }
}
