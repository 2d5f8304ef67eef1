package io.github.walletdevice.gateway;

/**
 * The family a Device Gateway status code belongs to. The spec lists the codes without grouping them; the
 * grouping here follows their meaning and the hundreds digit (1xx request and card, 2xx device, 3xx operation,
 * 9xx server), so that callers can decide what to do without knowing every code.
 */
public enum StatusCategory {
    /** 0: the step succeeded. */
    SUCCESS,
    /** The request itself was wrong or named something the TES does not know (111–119). */
    REQUEST_ERROR,
    /** The card cannot take part in the operation (159–192). */
    CARD_ERROR,
    /** The device or the wallet server failed (221–232); the TSH reports these to the TES. */
    DEVICE_ERROR,
    /** The operation's own life cycle: already running, expired, incomplete, failed (321–323, 911). */
    OPERATION_ERROR,
    /** The TES failed unexpectedly (921). */
    SERVER_ERROR,
    /** A code the spec does not list; carried as received. */
    UNKNOWN
}
