package io.github.walletdevice.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable HTTP response: status, headers and the whole body.
 */
public final class HttpResponse {
    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] body;

    /**
     * Creates a response.
     *
     * @param statusCode the HTTP status code, 100–599
     * @param headers the headers
     * @param body the body bytes (copied); {@code null} for none
     */
    public HttpResponse(int statusCode, HttpHeaders headers, byte[] body) {
        this(statusCode, headers, body == null ? new byte[0] : body.clone(), true);
    }

    private HttpResponse(int statusCode, HttpHeaders headers, byte[] body, boolean owned) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + statusCode);
        }
        this.statusCode = statusCode;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    /**
     * Wraps a body array that the caller hands over and will not touch again (no copy). For transports.
     *
     * @param statusCode the HTTP status code
     * @param headers the headers
     * @param body the body bytes, now owned by the response
     * @return the response
     */
    public static HttpResponse ofOwnedBody(int statusCode, HttpHeaders headers, byte[] body) {
        return new HttpResponse(statusCode, headers, body == null ? new byte[0] : body, true);
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for 200–299
     */
    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /**
     * The response headers.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * A copy of the body.
     *
     * @return the body bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body array without a copy, for decoders that only read it.
     *
     * @return the body array, which must not be modified
     */
    public byte[] bodyUnsafe() {
        return body;
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Status and body size; never the body. */
    @Override
    public String toString() {
        return "HttpResponse[" + statusCode + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResponse r && statusCode == r.statusCode && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, headers, Arrays.hashCode(body));
    }
}
