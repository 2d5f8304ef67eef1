package io.github.walletdevice.gateway.server.internal;

import io.github.walletdevice.gateway.GatewayStatus;

/** A request refused while reading it: 111 (missing) or 112 (bad format), naming the field. */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient GatewayStatus status;

    private Refusal(GatewayStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /**
     * A mandatory field absent: 111.
     *
     * @param field the field, as the message names it
     * @return the refusal
     */
    public static Refusal missing(String field) {
        return new Refusal(GatewayStatus.MISSING_MANDATORY_PARAMETER, "Missing mandatory parameter: " + field);
    }

    /**
     * A field of the wrong type, length or format: 112.
     *
     * @param field the field, as the message names it
     * @param rule what it must be, e.g. {@code "must be a string"}
     * @return the refusal
     */
    public static Refusal badFormat(String field, String rule) {
        return new Refusal(GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: " + field + " " + rule);
    }

    /**
     * The status to answer with.
     *
     * @return 111 or 112
     */
    public GatewayStatus status() {
        return status;
    }
}
