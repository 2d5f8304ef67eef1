package io.github.walletdevice.gateway;

import io.github.walletdevice.core.ApiFailureException;
import java.util.Objects;

/**
 * The TES answered a Device Gateway call, well-formed, with a non-zero {@code statusCode}. Raised by
 * {@link GatewayResponse#orThrow()} and {@link SessionResult#orThrow()}; the calls themselves return the status as
 * a typed result.
 */
public class GatewayStatusException extends ApiFailureException {
    private static final long serialVersionUID = 1L;

    /** The operation answered. */
    private final GatewayApi api;
    /** The non-zero status code (kept as a number so that the exception serialises). */
    private final int status;
    /** The TES's text, or {@code null}. */
    private final String statusMessage;

    /**
     * Creates the exception.
     *
     * @param api the operation that was answered
     * @param status the non-zero status
     * @param statusMessage the TES's text, or {@code null}
     */
    public GatewayStatusException(GatewayApi api, StatusCode status, String statusMessage) {
        super(message(api, status, statusMessage));
        this.api = Objects.requireNonNull(api, "api");
        this.status = Objects.requireNonNull(status, "status").code();
        this.statusMessage = statusMessage;
    }

    private static String message(GatewayApi api, StatusCode status, String statusMessage) {
        String text = statusMessage == null || statusMessage.isBlank()
                || statusMessage.equals(status.description()) ? "" : ": " + statusMessage;
        return api.operationName() + " answered status " + status + text + ". " + advice(status);
    }

    private static String advice(StatusCode status) {
        if (status.is(GatewayStatus.OPERATION_ALREADY_ONGOING)) {
            return "Another operation is running for this device; wait until it ends or expires, then start again.";
        }
        switch (status.category()) {
            case REQUEST_ERROR:
                return "Check the identifiers and fields of the request.";
            case CARD_ERROR:
                return "The card cannot take part in this operation; repeating it will get the same answer.";
            case DEVICE_ERROR:
                return "The device could not run the commands; start a new operation when it is reachable.";
            case OPERATION_ERROR:
                return "The operation did not complete; start a new one.";
            case SERVER_ERROR:
                return "The TES failed; try again later.";
            default:
                return "The code is not in the spec; see the TES's documentation.";
        }
    }

    /**
     * The code as it came on the wire, e.g. {@code "162"}.
     *
     * @return the code
     */
    @Override
    public String code() {
        return Integer.toString(status);
    }

    /**
     * The status.
     *
     * @return the non-zero status
     */
    public StatusCode status() {
        return StatusCode.of(status);
    }

    /**
     * The TES's text.
     *
     * @return the status message, or {@code null}
     */
    public String statusMessage() {
        return statusMessage;
    }

    /**
     * The operation that was answered.
     *
     * @return e.g. {@code getCardCommands}
     */
    public String operation() {
        return api.operationName();
    }

    /**
     * The operation that was answered.
     *
     * @return the API operation
     */
    public GatewayApi api() {
        return api;
    }
}
