package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TES's answer to a {@code getReaderModeCommands} round: more commands, or the end of the operation with the
 * card's balance and the identifier of the card account the TES created ({@code cardAccountId}, confirmed by the
 * spec, 1–48 characters).
 *
 * <p>Read leniently: fields the contract does not define are kept in {@link #extensions()}, optional fields may be
 * absent. The factories ({@link #withCommands(List)}, {@link #completed(long, String)}, {@link #failure(StatusCode,
 * String)}) are for servers and tests that build answers, and check the spec's rules.
 *
 * @param statusCode the status, 0 when the step succeeded
 * @param statusMessage the status text, or {@code null}
 * @param commands the next commands, empty when the TES is done
 * @param balance the card's balance as an integer, or {@code null} when absent or not an integer
 * @param balanceValue the card's balance as the JSON value received (e.g. {@code 1500}, {@code 12.50}, an object),
 *        or {@code null} when absent; given alone, {@code balance} is worked out from it
 * @param cardAccountId the new card account's identifier, or {@code null}
 * @param extensions fields the contract does not define, kept as received
 */
public record ReaderModeCommandsResponse(
        StatusCode statusCode,
        String statusMessage,
        List<Command> commands,
        Long balance,
        JsonNode balanceValue,
        String cardAccountId,
        Map<String, JsonNode> extensions) implements GatewayResponse {

    /** The JSON fields this record models; any other field of the answer is an extension. */
    public static final Set<String> FIELDS = Set.of("statusCode", "statusMessage", "commands", "balance",
            "cardAccountId");

    /**
     * Checks the parts that must be present.
     *
     * @param statusCode the status, 0 when the step succeeded
     * @param statusMessage the status text, or {@code null}
     * @param commands the next commands, empty when the TES is done
     * @param balance the card's balance as an integer, or {@code null}
     * @param balanceValue the balance as a JSON value, or {@code null} (then {@code balance}'s value is used)
     * @param cardAccountId the new card account's identifier, or {@code null}
     * @param extensions fields the contract does not define, kept as received
     * @throws ValidationException when the status is missing, a command is {@code null}, the two balances
     *         disagree, or the status is 0 and {@code cardAccountId} is not 1–48 characters
     */
    public ReaderModeCommandsResponse {
        Fields.required("statusCode", statusCode);
        commands = Rules.list("commands", commands);
        balanceValue = Rules.balanceValue(balance, balanceValue);
        balance = Rules.integral(balanceValue);
        if (cardAccountId != null && statusCode.isOk()) {
            // Confirmed by the spec (1-48), so checked even on read; "" is no account. A failure answer's value is
            // kept as received: refusing it would lose the TES's status.
            Fields.length("cardAccountId", cardAccountId, 1, 48);
        }
        extensions = Rules.extensions("getReaderModeCommands response", extensions, FIELDS);
    }

    /**
     * An answer with an integer balance, or none (the constructor of earlier versions).
     *
     * @param statusCode the status, 0 when the step succeeded
     * @param statusMessage the status text, or {@code null}
     * @param commands the next commands, empty when the TES is done
     * @param balance the card's balance, or {@code null}
     * @param cardAccountId the new card account's identifier, or {@code null}
     * @param extensions fields the contract does not define, kept as received
     */
    public ReaderModeCommandsResponse(StatusCode statusCode, String statusMessage, List<Command> commands, Long balance,
                                      String cardAccountId, Map<String, JsonNode> extensions) {
        this(statusCode, statusMessage, commands, balance, null, cardAccountId, extensions);
    }

    /**
     * An answer asking for commands: status 0 and the commands to run.
     *
     * @param commands the commands, at least one
     * @return the response
     */
    public static ReaderModeCommandsResponse withCommands(List<Command> commands) {
        return new ReaderModeCommandsResponse(StatusCode.OK, "OK", Rules.someCommands(commands), null, null, Map.of());
    }

    /**
     * A final answer: status 0, no more commands, the balance and the new card account.
     *
     * @param balance the card's balance, 0 or more
     * @param cardAccountId the new card account's identifier, 1–48 characters
     * @return the response
     * @throws io.github.walletdevice.core.ValidationException when the identifier breaks the spec's rule
     */
    public static ReaderModeCommandsResponse completed(long balance, String cardAccountId) {
        return new ReaderModeCommandsResponse(StatusCode.OK, "OK", List.of(), Rules.balance(balance),
                Fields.length("cardAccountId", cardAccountId, 1, 48), Map.of());
    }

    /**
     * A failure answer.
     *
     * @param statusCode a non-zero status
     * @param statusMessage the text, or {@code null} for the status's description
     * @return the response
     */
    public static ReaderModeCommandsResponse failure(StatusCode statusCode, String statusMessage) {
        ModelRules.failureCode(statusCode);
        String text = statusMessage == null ? statusCode.description() : statusMessage;
        return new ReaderModeCommandsResponse(statusCode, text, List.of(), null, null, Map.of());
    }

    /**
     * The answer read from the parts every answer has; {@code cardAccountId} is taken out of {@code otherFields},
     * read as text (a number or a boolean as its text, as the lenient reader does).
     */
    static ReaderModeCommandsResponse read(StatusCode statusCode, String statusMessage, List<Command> commands,
                                           JsonNode balance, Map<String, JsonNode> otherFields) {
        Map<String, JsonNode> rest = new LinkedHashMap<>(otherFields);
        String cardAccountId = Rules.text("cardAccountId", rest.remove("cardAccountId"));
        return new ReaderModeCommandsResponse(statusCode, statusMessage, commands, null, balance, cardAccountId,
                rest);
    }

    /**
     * This response with fields the contract does not define.
     *
     * @param extensions the extra fields
     * @return a new response
     */
    public ReaderModeCommandsResponse withExtensions(Map<String, JsonNode> extensions) {
        return new ReaderModeCommandsResponse(statusCode, statusMessage, commands, balance, balanceValue,
                cardAccountId, extensions);
    }

    @Override
    public GatewayApi api() {
        return GatewayApi.READER_MODE_COMMANDS;
    }

    @Override
    public ReaderModeCommandsResponse orThrow() {
        GatewayResponse.super.orThrow();
        return this;
    }

    @Override
    public String toString() {
        return "ReaderModeCommandsResponse[" + ModelRules.responseFields(this)
                + (cardAccountId == null ? "" : ", cardAccountId=" + cardAccountId)
                + Rules.extensionNames(extensions) + "]";
    }
}
