package io.github.walletdevice.core;

/**
 * How safe a call is to repeat. Decided once per operation by the client, never by the caller per attempt.
 */
public enum CallKind {
    /** Reads state only (Thredd list): may be retried even after the request was sent. */
    READ_ONLY,
    /**
     * May move money or change state (a Device Gateway step, a Thredd unbind): retried only when the request
     * provably was not sent.
     */
    STATE_CHANGING
}
