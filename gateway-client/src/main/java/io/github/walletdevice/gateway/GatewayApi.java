package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The three operations of the Device Gateway API, each a {@code POST} to {@code {base}/{operationName}}.
 *
 * <p>Where only the operation is known (a path, a server refusing a request it could not read), the operation gives
 * its answer type: {@link CardCommandsResponse} for card and park, {@link ReaderModeCommandsResponse} for reader mode.
 * Where a request is at hand, {@link GatewayRequest#answer} gives the same type, statically.
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

    /**
     * A failure answer of this operation's type, as a TES sends when it refuses a request.
     *
     * @param statusCode a non-zero status
     * @param statusMessage the text, or {@code null} for the status's description
     * @return the answer
     * @throws io.github.walletdevice.core.ValidationException when the status is missing or 0
     */
    public GatewayResponse failure(StatusCode statusCode, String statusMessage) {
        return this == READER_MODE_COMMANDS ? ReaderModeCommandsResponse.failure(statusCode, statusMessage)
                : CardCommandsResponse.failure(statusCode, statusMessage).withApi(this);
    }

    /** An answer of this operation's type read from its parts, as {@link GatewayRequest#answer} does. */
    GatewayResponse answer(StatusCode statusCode, String statusMessage, List<Command> commands, JsonNode balance,
                           Map<String, JsonNode> otherFields) {
        return this == READER_MODE_COMMANDS
                ? ReaderModeCommandsResponse.read(statusCode, statusMessage, commands, balance, otherFields)
                : new CardCommandsResponse(this, statusCode, statusMessage, commands, null, balance, otherFields);
    }

    @Override
    public String toString() {
        return operationName;
    }
}
