package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.HttpRequest;
import java.util.Objects;

/**
 * One attempt's request and the identifier logged with it (a WSID, a device id).
 *
 * @param request the request to send
 * @param id an identifier for logs and errors, or {@code null}
 */
public record Attempt(HttpRequest request, String id) {
    /**
     * Checks the request is present.
     *
     * @param request the request to send
     * @param id an identifier, or {@code null}
     */
    public Attempt {
        Objects.requireNonNull(request, "request");
    }
}
