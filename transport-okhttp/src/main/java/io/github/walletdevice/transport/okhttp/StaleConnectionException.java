package io.github.walletdevice.transport.okhttp;

import java.io.IOException;

/**
 * A pooled connection found unusable before anything of the request was written to it: the server had closed it,
 * or said it would. The transport sends the request on another connection; nothing reached the server.
 */
final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(String message) {
        super(message);
    }
}
