package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TES's answer to a {@code getCardCommands} or {@code getParkCardCommands} round (the two answers have the same
 * fields): more commands, or the end of the operation with the card's balance (after a top-up, or as parked).
 * {@link #api()} says which operation it answers.
 *
 * <p>Read leniently: fields the contract does not define are kept in {@link #extensions()}, optional fields may be
 * absent. The factories ({@link #withCommands(List)}, {@link #completed(long)}, {@link #failure(StatusCode,
 * String)}) are for servers and tests that build answers, and check the spec's rules; they answer
 * {@code getCardCommands}, and {@link #withApi(GatewayApi)} makes a park answer of one (a {@code GatewayServer} does
 * it for its park handler's answers).
 *
 * @param api the operation answered: {@link GatewayApi#CARD_COMMANDS} or {@link GatewayApi#PARK_CARD_COMMANDS}
 * @param statusCode the status, 0 when the step succeeded
 * @param statusMessage the status text, or {@code null}
 * @param commands the next commands, empty when the TES is done
 * @param balance the card's balance as an integer, or {@code null} when absent or not an integer
 * @param balanceValue the card's balance as the JSON value received (e.g. {@code 1500}, {@code 12.50}, an object),
 *        or {@code null} when absent; given alone, {@code balance} is worked out from it
 * @param extensions fields the contract does not define, kept as received
 */
public record CardCommandsResponse(
        GatewayApi api,
        StatusCode statusCode,
        String statusMessage,
        List<Command> commands,
        Long balance,
        JsonNode balanceValue,
        Map<String, JsonNode> extensions) implements GatewayResponse {

    /** The JSON fields this record models; any other field of the answer is an extension. */
    public static final Set<String> FIELDS = Set.of("statusCode", "statusMessage", "commands", "balance");

    /**
     * Checks the parts that must be present.
     *
     * @param api the operation answered: card or park
     * @param statusCode the status, 0 when the step succeeded
     * @param statusMessage the status text, or {@code null}
     * @param commands the next commands, empty when the TES is done
     * @param balance the card's balance as an integer, or {@code null}
     * @param balanceValue the balance as a JSON value, or {@code null} (then {@code balance}'s value is used)
     * @param extensions fields the contract does not define, kept as received
     * @throws ValidationException when the operation is reader mode, the status is missing, a command is
     *         {@code null}, the two balances disagree
     */
    public CardCommandsResponse {
        if (Fields.required("api", api) == GatewayApi.READER_MODE_COMMANDS) {
            throw new ValidationException("api", "getCardCommands or getParkCardCommands (reader mode answers with "
                    + "ReaderModeCommandsResponse)", api.operationName());
        }
        Fields.required("statusCode", statusCode);
        commands = Rules.list("commands", commands);
        balanceValue = Rules.balanceValue(balance, balanceValue);
        balance = Rules.integral(balanceValue);
        extensions = Rules.extensions(api.operationName() + " response", extensions, FIELDS);
    }

    /**
     * An answer to {@code getCardCommands} asking for commands: status 0 and the commands to run.
     *
     * @param commands the commands, at least one
     * @return the response
     */
    public static CardCommandsResponse withCommands(List<Command> commands) {
        return new CardCommandsResponse(GatewayApi.CARD_COMMANDS, StatusCode.OK, "OK", Rules.someCommands(commands),
                null, null, Map.of());
    }

    /**
     * A final answer to {@code getCardCommands}: status 0, no more commands, the balance.
     *
     * @param balance the card's balance, 0 or more
     * @return the response
     */
    public static CardCommandsResponse completed(long balance) {
        return new CardCommandsResponse(GatewayApi.CARD_COMMANDS, StatusCode.OK, "OK", List.of(),
                Rules.balance(balance), null, Map.of());
    }

    /**
     * A failure answer to {@code getCardCommands}.
     *
     * @param statusCode a non-zero status
     * @param statusMessage the text, or {@code null} for the status's description
     * @return the response
     */
    public static CardCommandsResponse failure(StatusCode statusCode, String statusMessage) {
        ModelRules.failureCode(statusCode);
        String text = statusMessage == null ? statusCode.description() : statusMessage;
        return new CardCommandsResponse(GatewayApi.CARD_COMMANDS, statusCode, text, List.of(), null, null, Map.of());
    }

    /**
     * This answer, for another of the two operations it may answer.
     *
     * @param api {@link GatewayApi#CARD_COMMANDS} or {@link GatewayApi#PARK_CARD_COMMANDS}
     * @return this response when it already answers {@code api}, else a copy that does
     * @throws ValidationException when {@code api} is reader mode
     */
    public CardCommandsResponse withApi(GatewayApi api) {
        return api == this.api ? this
                : new CardCommandsResponse(api, statusCode, statusMessage, commands, balance, balanceValue, extensions);
    }

    /**
     * This response with fields the contract does not define.
     *
     * @param extensions the extra fields
     * @return a new response
     */
    public CardCommandsResponse withExtensions(Map<String, JsonNode> extensions) {
        return new CardCommandsResponse(api, statusCode, statusMessage, commands, balance, balanceValue, extensions);
    }

    @Override
    public CardCommandsResponse orThrow() {
        GatewayResponse.super.orThrow();
        return this;
    }

    @Override
    public String toString() {
        return "CardCommandsResponse[" + api + ", " + ModelRules.responseFields(this) + Rules.extensionNames(extensions)
                + "]";
    }
}
