package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.WalletDeviceException;

/**
 * The OkHttp on the class path is not the one this transport runs on: OkHttp 4 beside OkHttp 5 (they share the
 * {@code okhttp3} package, so their classes mix), or OkHttp 4 alone. Thrown when a client builds its transport,
 * before anything is sent; the message names the jars or the version and the exclusion that fixes the build.
 * Nothing is wrong with the request: retrying does not help, changing the dependencies does.
 */
public final class IncompatibleOkHttpException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is on the class path and what to exclude
     */
    public IncompatibleOkHttpException(String message) {
        super(message);
    }
}
