package io.github.walletdevice.gateway;

/**
 * The three operations of the Device Gateway API, each a {@code POST} to {@code {base}/{operationName}}.
 */
public enum GatewayApi {
    /** {@code getCardCommands}: read or update the card on a device, e.g. a top-up. */
    CARD_COMMANDS("getCardCommands"),
    /** {@code getParkCardCommands}: park a card (read its balance so the TES can store it). */
    PARK_CARD_COMMANDS("getParkCardCommands"),
    /** {@code getReaderModeCommands}: ingest an external (physical) card read by the phone in reader mode. */
    READER_MODE_COMMANDS("getReaderModeCommands");

    private final String operationName;

    GatewayApi(String operationName) {
        this.operationName = operationName;
    }

    /**
     * The operation's name, which is also the last segment of its path.
     *
     * @return e.g. {@code getCardCommands}
     */
    public String operationName() {
        return operationName;
    }

    @Override
    public String toString() {
        return operationName;
    }
}
