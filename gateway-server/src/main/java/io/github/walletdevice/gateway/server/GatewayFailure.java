package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.StatusCode;
import java.util.Objects;

/**
 * Ends an operation with a non-zero status: a handler (or a {@link CardErrors} check) throws it, and the server
 * answers the TSH with this status and message and closes the session. The message is sent to the TSH as
 * {@code statusMessage}, so it must say what went wrong in the TSH's terms and hold nothing internal.
 */
public final class GatewayFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StatusCode status;

    /**
     * A failure with a status the spec lists.
     *
     * @param status the status, not {@link GatewayStatus#OK}
     * @param message the {@code statusMessage} for the TSH
     */
    public GatewayFailure(GatewayStatus status, String message) {
        this(status.statusCode(), message);
    }

    /**
     * A failure with any status code, e.g. one the TSH reported.
     *
     * @param status the status, not 0
     * @param message the {@code statusMessage} for the TSH
     * @throws IllegalArgumentException when the status is 0
     */
    public GatewayFailure(StatusCode status, String message) {
        super(message, null, false, false);
        if (Objects.requireNonNull(status, "status").isOk()) {
            throw new IllegalArgumentException("A failure needs a non-zero status");
        }
        this.status = status;
    }

    /**
     * The status the TSH is answered with.
     *
     * @return the status code
     */
    public StatusCode status() {
        return status;
    }
}
