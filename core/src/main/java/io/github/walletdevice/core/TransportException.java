package io.github.walletdevice.core;

/**
 * No usable HTTP response was obtained.
 *
 * <p>{@link #isRequestSent()} is the fact that decides what a caller may do next: when it is {@code false} the
 * request provably never reached the server (connection refused, DNS failure, connect timeout, the call was
 * refused before sending) and repeating it is safe; when it is {@code true} the server may have received and
 * acted on it, so a state-changing call must be reconciled before it is repeated.
 */
public class TransportException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this was. */
    public enum Reason {
        /** The connection could not be opened (refused, unreachable, DNS, TLS handshake refused). */
        CONNECT,
        /** The connection could not be opened in time. */
        CONNECT_TIMEOUT,
        /** The server did not answer within the read timeout. */
        READ_TIMEOUT,
        /** The whole-call deadline passed. */
        DEADLINE,
        /** The connection broke, or the server sent something that is not valid HTTP. */
        IO,
        /**
         * The response body is larger than {@code TransportOptions.maxResponseBytes}. The request was sent; asking
         * again would get the same answer, so it is never retried.
         */
        RESPONSE_TOO_LARGE,
        /** The caller cancelled the call or interrupted the thread. */
        CANCELLED,
        /** The transport has been closed. */
        CLOSED
    }

    /** The kind of failure. */
    private final Reason reason;
    /** Whether the server may have received the request. */
    private final boolean requestSent;

    /**
     * Creates a transport failure.
     *
     * @param message what happened and what to do
     * @param reason the kind of failure
     * @param requestSent whether the server may have received the request
     * @param cause the underlying failure, or {@code null}
     */
    public TransportException(String message, Reason reason, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.requestSent = requestSent;
    }

    /**
     * The kind of failure.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether the server may have received, and acted on, the request.
     *
     * @return {@code false} only when the request provably was not sent
     */
    public boolean isRequestSent() {
        return requestSent;
    }
}
