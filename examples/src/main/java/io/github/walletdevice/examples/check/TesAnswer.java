package io.github.walletdevice.examples.check;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;

/**
 * What the TES answered one call: a well-formed answer, or why there was none (HTTP error, a body that is not the
 * contract's JSON, no answer at all).
 *
 * @param response the answer, or {@code null}
 * @param problem why there is no answer, or {@code null}
 */
record TesAnswer(GatewayResponse response, String problem) {

    static TesAnswer of(GatewayResponse response) {
        return new TesAnswer(response, null);
    }

    /** The answer a call failed with, described for the report. */
    static TesAnswer of(WalletDeviceException e) {
        return new TesAnswer(null, describe(e));
    }

    static String describe(WalletDeviceException e) {
        if (e instanceof HttpStatusException h) {
            return "HTTP " + h.statusCode() + (h.bodyExcerpt() == null || h.bodyExcerpt().isBlank() ? ""
                    : " \"" + Redactor.truncate(h.bodyExcerpt().strip(), 120) + "\"");
        }
        if (e instanceof TransportException) {
            return "no answer: " + e.getMessage();
        }
        // A malformed answer: the client's message, without its advice to the TSH, which does not apply here.
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf(" The TES may have acted");
        return advice < 0 ? message : message.substring(0, advice);
    }

    /** Whether the TES answered this status. */
    boolean is(GatewayStatus status) {
        return response != null && response.statusCode().is(status);
    }

    /** Whether the answer opened (or went on with) an operation: status 0 and commands to run. */
    boolean hasCommands() {
        return response != null && response.isOk() && !response.commands().isEmpty();
    }

    /** One line for the report, e.g. {@code 111 "Missing mandatory parameter: issuerId"}. */
    String describe() {
        if (response == null) {
            return problem;
        }
        StringBuilder s = new StringBuilder().append(response.statusCode().code());
        if (response.statusMessage() != null) {
            s.append(" \"").append(Redactor.truncate(response.statusMessage(), 120)).append('"');
        }
        if (!response.commands().isEmpty()) {
            s.append(", ").append(response.commands().size()).append(" command(s)");
        }
        return s.toString();
    }
}
