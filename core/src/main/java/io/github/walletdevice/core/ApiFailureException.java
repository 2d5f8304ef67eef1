package io.github.walletdevice.core;

/**
 * The API answered, well-formed, with a failure code of its own (a Device Gateway status code, a Thredd action
 * code). The server did act on the request and decided against it; repeating the same request will usually get
 * the same answer.
 */
public abstract class ApiFailureException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an API failure.
     *
     * @param message what the API said and what to do
     */
    protected ApiFailureException(String message) {
        super(message);
    }

    /**
     * The API's failure code as it came on the wire, e.g. {@code "162"} or {@code "219"}.
     *
     * @return the code
     */
    public abstract String code();
}
