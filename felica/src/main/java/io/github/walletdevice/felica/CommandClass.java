package io.github.walletdevice.felica;

/**
 * The command classes whose maximum response time a PMm announces, each tied to one PMm byte.
 *
 * @see Pmm#timeout(CommandClass, int)
 */
public enum CommandClass {
    /** Commands whose time grows with the number of nodes: Request Service (v2), Get Node Property, Request Block Information (PMm byte 2). */
    VARIABLE(2),
    /** Fixed-time commands: Request Response, Search Service Code, Request System Code, Reset Mode, and the like (PMm byte 3). */
    FIXED(3),
    /** Mutual authentication: Authentication1 and Authentication2 (PMm byte 4). */
    MUTUAL_AUTHENTICATION(4),
    /** Data read: Read Without Encryption and encrypted Read (PMm byte 5). */
    READ(5),
    /** Data write: Write Without Encryption and encrypted Write (PMm byte 6). */
    WRITE(6),
    /** Other commands, such as issuance (PMm byte 7). */
    OTHER(7);

    private final int pmmIndex;

    CommandClass(int pmmIndex) {
        this.pmmIndex = pmmIndex;
    }

    /**
     * Returns the index of the PMm byte that holds this class's timing parameters.
     *
     * @return 2–7
     */
    public int pmmIndex() {
        return pmmIndex;
    }
}
