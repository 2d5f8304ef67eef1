package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.GatewayStatus;

/** A request refused while reading it: 111 (missing) or 112 (bad format), naming the field. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient GatewayStatus status;

    private Refusal(GatewayStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static Refusal missing(String field) {
        return new Refusal(GatewayStatus.MISSING_MANDATORY_PARAMETER, "Missing mandatory parameter: " + field);
    }

    static Refusal badFormat(String field, String rule) {
        return new Refusal(GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: " + field + " " + rule);
    }

    GatewayStatus status() {
        return status;
    }
}
