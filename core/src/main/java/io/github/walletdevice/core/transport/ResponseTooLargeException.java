package io.github.walletdevice.core.transport;

import java.io.IOException;

/**
 * A response body passed {@link TransportOptions#maxResponseBytes()} while it was being read; turned into the
 * public {@link io.github.walletdevice.core.TransportException} by {@link TransportFailures#classify}.
 */
final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The limit that was passed, in bytes. */
    private final long limit;
    /** The body's {@code Content-Length} when that was over the limit (nothing read), else -1. */
    private final long announced;

    ResponseTooLargeException(long limit, long announced) {
        super("Response body larger than maxResponseBytes (" + limit + " bytes)");
        this.limit = limit;
        this.announced = announced;
    }

    long limit() {
        return limit;
    }

    long announced() {
        return announced;
    }
}
