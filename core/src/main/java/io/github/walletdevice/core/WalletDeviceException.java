package io.github.walletdevice.core;

/**
 * Root of every exception the walletdevice SDK throws. Unchecked: callers catch the subtype they can act on.
 *
 * <ul>
 *   <li>{@link ValidationException}: the request was invalid; nothing was sent.</li>
 *   <li>{@link TransportException}: no usable response; {@link TransportException#isRequestSent()} tells whether
 *       the server may have acted.</li>
 *   <li>{@link HttpStatusException}: the server answered with a non-2xx status.</li>
 *   <li>{@link MalformedResponseException}: the body was not what the API promised.</li>
 *   <li>API-specific subtypes in the client modules (gateway status, Thredd action codes, SOAP faults).</li>
 * </ul>
 */
public class WalletDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened and what to do
     */
    public WalletDeviceException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened and what to do
     * @param cause the underlying failure
     */
    public WalletDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
