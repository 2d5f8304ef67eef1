package io.github.walletdevice.felica;

/** How a service stores its blocks, from the service attribute. */
public enum ServiceType {
    /** Random service: blocks are read and written by number. */
    RANDOM,
    /** Cyclic service: a ring of records; block 0 is the newest and a write pushes the oldest out. */
    CYCLIC,
    /** Purse service: one block holding a balance, cashback data, user data and an execution id. */
    PURSE
}
