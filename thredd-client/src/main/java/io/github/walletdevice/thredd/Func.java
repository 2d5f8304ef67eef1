package io.github.walletdevice.thredd;

import io.github.walletdevice.core.CallKind;

/** The token device functions ({@code Func}) and how safe each is to repeat. */
enum Func {
    /** {@code 00}: retrieve the device list; read-only, retried per the retry policy. */
    LIST("00", "list", CallKind.READ_ONLY),
    /** {@code 01}: unbind a device; changes state, never resent once it may have reached Thredd. */
    UNBIND("01", "unbind", CallKind.STATE_CHANGING);

    final String code;
    final String operation;
    final CallKind kind;

    Func(String code, String operation, CallKind kind) {
        this.code = code;
        this.operation = operation;
        this.kind = kind;
    }
}
