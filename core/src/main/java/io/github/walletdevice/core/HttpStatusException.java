package io.github.walletdevice.core;


/**
 * The server answered with an HTTP status outside 2xx. Carries the status, the response headers and a bounded,
 * redacted excerpt of the body.
 */
public class HttpStatusException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status code. */
    private final int statusCode;
    private final transient HttpHeaders headers;
    /** A bounded, redacted excerpt of the body. */
    private final String bodyExcerpt;

    /**
     * Creates an HTTP status failure.
     *
     * @param message what happened and what to do
     * @param statusCode the HTTP status code
     * @param headers the response headers
     * @param bodyExcerpt a bounded, redacted excerpt of the body (may be empty)
     */
    public HttpStatusException(String message, int statusCode, HttpHeaders headers, String bodyExcerpt) {
        super(message);
        this.statusCode = statusCode;
        this.headers = headers == null ? HttpHeaders.empty() : headers;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** Most characters of a body kept in {@link #bodyExcerpt()}. */
    public static final int MAX_EXCERPT_CHARS = 1024;

    /**
     * The exception for a non-2xx response, with a redacted, bounded excerpt of its body.
     *
     * @param operation the operation's name, for the message
     * @param response the response
     * @param advice what the caller should do, appended to the message (may be empty)
     * @return the exception
     */
    public static HttpStatusException of(String operation, HttpResponse response, String advice) {
        String excerpt = Redactor.body(response.bodyAsString(), MAX_EXCERPT_CHARS);
        String message = operation + " failed with HTTP " + response.statusCode()
                + (advice == null || advice.isEmpty() ? "." : ": " + advice);
        return new HttpStatusException(message, response.statusCode(), response.headers(), excerpt);
    }

    /**
     * The HTTP status code.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response headers.
     *
     * @return the headers, never {@code null}
     */
    public HttpHeaders headers() {
        return headers == null ? HttpHeaders.empty() : headers;
    }

    /**
     * A bounded, redacted excerpt of the response body.
     *
     * @return the excerpt, possibly empty
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
