package io.github.walletdevice.examples.check;

import io.github.walletdevice.core.TransportException;

/** The TES gave no HTTP answer at all to the first request of a conformance run: nothing was checked. */
public final class TesUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param baseUrl where the TES was looked for
     * @param cause the transport's failure
     */
    public TesUnreachableException(String baseUrl, TransportException cause) {
        super("The TES at " + baseUrl + " did not answer: " + cause.getMessage(), cause);
    }
}
