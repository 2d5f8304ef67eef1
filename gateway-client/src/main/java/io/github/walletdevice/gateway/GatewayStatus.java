package io.github.walletdevice.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 26 status codes of the Device Gateway API, shared by requests (the TSH reporting a device failure) and
 * responses (the TES's answer). Descriptions are the spec's wording. A code outside this table is carried by
 * {@link StatusCode}, never lost.
 */
public enum GatewayStatus {
    /** 0 OK. */
    OK(0, "OK", StatusCategory.SUCCESS),
    /** 111 Missing mandatory parameter. */
    MISSING_MANDATORY_PARAMETER(111, "Missing mandatory parameter", StatusCategory.REQUEST_ERROR),
    /** 112 Bad parameter format. */
    BAD_PARAMETER_FORMAT(112, "Bad parameter format", StatusCategory.REQUEST_ERROR),
    /** 113 Unknown issuer. */
    UNKNOWN_ISSUER(113, "Unknown issuer", StatusCategory.REQUEST_ERROR),
    /** 117 Unknown device. */
    UNKNOWN_DEVICE(117, "Unknown device", StatusCategory.REQUEST_ERROR),
    /** 118 Unknown session. */
    UNKNOWN_SESSION(118, "Unknown session", StatusCategory.REQUEST_ERROR),
    /** 119 Unknown virtual card. */
    UNKNOWN_VIRTUAL_CARD(119, "Unknown virtual card", StatusCategory.REQUEST_ERROR),
    /** 159 Card is blacklisted. */
    CARD_BLACKLISTED(159, "Card is blacklisted", StatusCategory.CARD_ERROR),
    /** 160 Card is deleted. */
    CARD_DELETED(160, "Card is deleted", StatusCategory.CARD_ERROR),
    /** 162 Card has insufficient balance (the spec spells it "unsufficient"). */
    INSUFFICIENT_BALANCE(162, "Card has unsufficient balance", StatusCategory.CARD_ERROR),
    /** 163 Card product not eligible. */
    CARD_PRODUCT_NOT_ELIGIBLE(163, "Card product not eligible", StatusCategory.CARD_ERROR),
    /** 167 Card is already provisioned. */
    CARD_ALREADY_PROVISIONED(167, "Card is already provisioned", StatusCategory.CARD_ERROR),
    /** 172 Invalid card, unsupported system code. */
    UNSUPPORTED_SYSTEM_CODE(172, "Invalid card, unsupported system code", StatusCategory.CARD_ERROR),
    /** 173 Invalid card, unsupported service. */
    UNSUPPORTED_SERVICE(173, "Invalid card, unsupported service", StatusCategory.CARD_ERROR),
    /** 177 Invalid card, invalid area data. */
    INVALID_AREA_DATA(177, "Invalid card, invalid area data", StatusCategory.CARD_ERROR),
    /** 178 Invalid card, card status is in-station. */
    CARD_IN_STATION(178, "Invalid card, card status is in-station", StatusCategory.CARD_ERROR),
    /** 191 Card is expired. */
    CARD_EXPIRED(191, "Card is expired", StatusCategory.CARD_ERROR),
    /** 192 Reader mode attempt exceeded allowed threshold. */
    READER_MODE_ATTEMPTS_EXCEEDED(192, "Reader mode attempt exceeded allowed threshold", StatusCategory.CARD_ERROR),
    /** 221 Device or wallet server not accessible. */
    DEVICE_NOT_ACCESSIBLE(221, "Device or wallet server not accessible", StatusCategory.DEVICE_ERROR),
    /** 231 Device unexpected error. */
    DEVICE_UNEXPECTED_ERROR(231, "Device unexpected error", StatusCategory.DEVICE_ERROR),
    /** 232 Device out of memory error. */
    DEVICE_OUT_OF_MEMORY(232, "Device out of memory error", StatusCategory.DEVICE_ERROR),
    /** 321 Operation already on-going for this device. */
    OPERATION_ALREADY_ONGOING(321, "Operation already on-going for this device", StatusCategory.OPERATION_ERROR),
    /** 322 Time to live of the operation expired. */
    OPERATION_EXPIRED(322, "Time to live of the operation expired", StatusCategory.OPERATION_ERROR),
    /** 323 Operation incomplete. */
    OPERATION_INCOMPLETE(323, "Operation incomplete", StatusCategory.OPERATION_ERROR),
    /** 911 Operation failed. */
    OPERATION_FAILED(911, "Operation failed", StatusCategory.OPERATION_ERROR),
    /** 921 Unexpected server error. */
    UNEXPECTED_SERVER_ERROR(921, "Unexpected server error", StatusCategory.SERVER_ERROR);

    private static final Map<Integer, GatewayStatus> BY_CODE = new HashMap<>();

    static {
        for (GatewayStatus s : values()) {
            BY_CODE.put(s.code, s);
        }
    }

    private final int code;
    private final String description;
    private final StatusCategory category;

    GatewayStatus(int code, String description, StatusCategory category) {
        this.code = code;
        this.description = description;
        this.category = category;
    }

    /**
     * The status with a code.
     *
     * @param code the numeric code
     * @return the status, or empty when the spec does not list the code
     */
    public static Optional<GatewayStatus> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * The numeric code as it goes on the wire.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The spec's description of the code.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The family of the code.
     *
     * @return the category
     */
    public StatusCategory category() {
        return category;
    }

    /**
     * This status as a {@link StatusCode} value.
     *
     * @return the status code
     */
    public StatusCode statusCode() {
        return StatusCode.of(code);
    }
}
