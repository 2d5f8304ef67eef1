package io.github.walletdevice.core;

/**
 * A {@link CallInterceptor} threw an exception that is not a {@link WalletDeviceException}: a bug or a missing
 * resource in the interceptor (a signing key that cannot be read, say). The call ends, without a retry; the cause is
 * what the interceptor threw.
 */
public class InterceptorException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** Whether the request had been passed on before the interceptor failed. */
    private final boolean requestSent;

    /**
     * Creates the exception.
     *
     * @param operation the call's operation
     * @param requestSent whether the interceptor had already passed the request on (the server may have acted)
     * @param cause what the interceptor threw
     */
    public InterceptorException(String operation, boolean requestSent, Throwable cause) {
        super("An interceptor of " + operation + " failed (" + cause.getClass().getName() + ")"
                + (requestSent ? " after the request was sent; the server may have acted on it."
                        : " before the request was sent; nothing was sent.") + " Fix the interceptor.", cause);
        this.requestSent = requestSent;
    }

    /**
     * Whether the request had been passed on to the transport before the interceptor failed.
     *
     * @return {@code false} when nothing was sent
     */
    public boolean isRequestSent() {
        return requestSent;
    }
}
