package io.github.walletdevice.gateway;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.internal.Rules;

/**
 * The rules and {@code toString()} pieces that name the models' own types; the type-free rules are in
 * {@link Rules}, which knows nothing of this package (so the two packages have no cycle).
 */
final class ModelRules {
    private ModelRules() {
    }

    /** The status of a failure answer: present and not 0. */
    static StatusCode failureCode(StatusCode statusCode) {
        if (statusCode == null || statusCode.isOk()) {
            throw new ValidationException("statusCode", "a failure code (not 0)", String.valueOf(statusCode));
        }
        return statusCode;
    }

    /**
     * The fields every request has beyond its identifiers, for {@code toString()}: those that are set, in a fixed
     * order, then the extensions' names. {@code statusMessage} is left out.
     */
    static String requestFields(GatewayRequest<?> request) {
        return (request.operation() == null ? "" : ", operation=" + request.operation())
                + (request.statusCode() == null ? "" : ", statusCode=" + request.statusCode().code())
                + (request.responses().isEmpty() ? "" : ", responses=" + request.responses().size())
                + (request.responseTimeMs() == null ? "" : ", responseTimeMs=" + request.responseTimeMs())
                + Rules.extensionNames(request.extensions());
    }

    /**
     * The fields every response has, for {@code toString()}: the status, the message when present, the number of
     * commands and the balance when present. The caller adds its own fields and the extensions' names.
     */
    static String responseFields(GatewayResponse response) {
        return "statusCode=" + response.statusCode().code()
                + (response.statusMessage() == null ? "" : ", statusMessage=" + response.statusMessage())
                + ", commands=" + response.commands().size()
                + (response.balanceValue() == null ? "" : ", balance=" + Rules.shortJson(response.balanceValue()));
    }
}
