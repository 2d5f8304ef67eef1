package io.github.walletdevice.core;

/**
 * The server answered, but the body is not what the API promised (not JSON, not a SOAP envelope, a required
 * element missing). The request was sent and may have been acted on.
 */
public class MalformedResponseException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** A bounded, redacted excerpt of the body. */
    private final String bodyExcerpt;

    /**
     * Creates a malformed-response failure.
     *
     * @param message what was wrong and what to do
     * @param bodyExcerpt a bounded, redacted excerpt of the body
     * @param cause the parser's failure, or {@code null}
     */
    public MalformedResponseException(String message, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /**
     * A bounded, redacted excerpt of the body that could not be read.
     *
     * @return the excerpt, possibly empty
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
