package io.github.walletdevice.gateway;

import java.util.Optional;

/**
 * A Device Gateway status code as it came on the wire: known codes resolve to a {@link GatewayStatus}, unknown
 * ones are kept as their number so that nothing the TES said is lost.
 *
 * @param code the numeric code
 */
public record StatusCode(int code) {

    /** 0, OK. */
    public static final StatusCode OK = new StatusCode(0);

    /**
     * The status code for a number.
     *
     * @param code the numeric code
     * @return the status code
     */
    public static StatusCode of(int code) {
        return code == 0 ? OK : new StatusCode(code);
    }

    /**
     * The status code of a known status.
     *
     * @param status the status
     * @return the status code
     */
    public static StatusCode of(GatewayStatus status) {
        return of(status.code());
    }

    /**
     * The known status this code stands for.
     *
     * @return the status, or empty for a code the spec does not list
     */
    public Optional<GatewayStatus> status() {
        return GatewayStatus.fromCode(code);
    }

    /**
     * Whether this is 0, OK.
     *
     * @return {@code true} for 0
     */
    public boolean isOk() {
        return code == 0;
    }

    /**
     * Whether this code is one of the spec's 26.
     *
     * @return {@code true} for a listed code
     */
    public boolean isKnown() {
        return status().isPresent();
    }

    /**
     * The family of the code.
     *
     * @return the category, {@link StatusCategory#UNKNOWN} for a code the spec does not list
     */
    public StatusCategory category() {
        return status().map(GatewayStatus::category).orElse(StatusCategory.UNKNOWN);
    }

    /**
     * The spec's description of the code.
     *
     * @return the description, or "Unknown status code N"
     */
    public String description() {
        return status().map(GatewayStatus::description).orElse("Unknown status code " + code);
    }

    /**
     * Whether this code stands for a status.
     *
     * @param status the status
     * @return {@code true} when the codes are equal
     */
    public boolean is(GatewayStatus status) {
        return status.code() == code;
    }

    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
