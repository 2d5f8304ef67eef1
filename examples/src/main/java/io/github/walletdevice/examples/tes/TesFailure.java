package io.github.walletdevice.examples.tes;

import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.StatusCode;

/** Ends a simulated TES session with a non-zero status; thrown by the flows, turned into the answer. */
final class TesFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StatusCode status;

    TesFailure(GatewayStatus status, String message) {
        this(status.statusCode(), message);
    }

    TesFailure(StatusCode status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    StatusCode status() {
        return status;
    }
}
