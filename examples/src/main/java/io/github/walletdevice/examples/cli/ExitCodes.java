package io.github.walletdevice.examples.cli;

import io.github.walletdevice.core.ApiFailureException;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.WalletDeviceException;

/** The command line's exit codes. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Bad usage or invalid input. */
    public static final int USAGE = 2;
    /** The API answered with a failure status or action code. */
    public static final int API_FAILURE = 3;
    /** Transport or protocol failure. */
    public static final int TRANSPORT = 4;

    private ExitCodes() {
    }

    /**
     * The exit code for an exception a command threw.
     *
     * @param e the exception
     * @return the exit code
     */
    public static int forException(Throwable e) {
        if (e instanceof ValidationException || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (e instanceof ApiFailureException) {
            return API_FAILURE;
        }
        if (e instanceof WalletDeviceException) {
            return TRANSPORT;
        }
        if (e.getClass().getName().equals("io.github.walletdevice.felica.FelicaFormatException")) {
            return USAGE;
        }
        return TRANSPORT;
    }
}
