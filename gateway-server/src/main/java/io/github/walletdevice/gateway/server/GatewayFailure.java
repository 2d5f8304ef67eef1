package io.github.walletdevice.gateway.server;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.StatusCode;

/**
 * Ends an operation with a non-zero status: a handler (or a {@link CardErrors} check) throws it, and the server
 * answers the TSH with this status and message and closes the session. The message is sent to the TSH as
 * {@code statusMessage}, so it must say what went wrong in the TSH's terms and hold nothing internal.
 */
public final class GatewayFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The code, not the {@link StatusCode}: it survives serialisation. */
    private final int code;

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
     * @throws ValidationException naming {@code status} when it is {@code null} or 0
     */
    public GatewayFailure(StatusCode status, String message) {
        super(message, null, false, false);
        if (Fields.required("status", status).isOk()) {
            throw new ValidationException("status", "not 0 (a failure)", "0");
        }
        this.code = status.code();
    }

    /**
     * The status the TSH is answered with.
     *
     * @return the status code
     */
    public StatusCode status() {
        return StatusCode.of(code);
    }
}
