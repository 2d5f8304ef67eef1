package io.github.walletdevice.felica;

/** The access a service attribute grants. */
public enum ServiceAccess {
    /** Random or cyclic service that can be read and written. */
    READ_WRITE,
    /** Any service that can only be read. */
    READ_ONLY,
    /** Purse whose block is written directly. */
    PURSE_DIRECT,
    /** Purse that accepts cashback and decrement writes. */
    PURSE_CASHBACK_DECREMENT,
    /** Purse that accepts decrement writes only. */
    PURSE_DECREMENT
}
