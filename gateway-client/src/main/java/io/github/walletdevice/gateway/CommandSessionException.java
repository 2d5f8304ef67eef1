package io.github.walletdevice.gateway;

import io.github.walletdevice.core.WalletDeviceException;

/**
 * A command session ended without completing while the TES's last status was 0: the round limit was reached, or
 * the TES acknowledged a device failure or an expired deadline with 0. Raised by {@link SessionResult#orThrow()}.
 */
public class CommandSessionException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    private final transient SessionResult result;

    /**
     * Creates the exception.
     *
     * @param result the session's result
     */
    public CommandSessionException(SessionResult result) {
        super("The " + result.api().operationName() + " session ended with " + result.outcome() + " after "
                + result.rounds() + " round(s): " + result.detail());
        this.result = result;
    }

    /**
     * The session's result.
     *
     * @return the result, or {@code null} after deserialisation
     */
    public SessionResult result() {
        return result;
    }
}
