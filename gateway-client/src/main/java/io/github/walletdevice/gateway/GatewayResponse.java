package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The TES's answer to one round of a Device Gateway operation (<b>reconstructed</b> shape, see the package
 * documentation): a status, the next commands to run on the card, and when the operation is done the balance
 * (and for reader mode the new card account). A non-zero status is a typed result, not an exception:
 * {@link #orThrow()} turns it into a {@link GatewayStatusException} when the caller prefers one.
 */
public sealed interface GatewayResponse permits CardCommandsResponse, ReaderModeCommandsResponse {

    /**
     * The operation this answers.
     *
     * @return the API operation
     */
    GatewayApi api();

    /**
     * {@code statusCode}: 0 when the step succeeded.
     *
     * @return the status, never {@code null}
     */
    StatusCode statusCode();

    /**
     * {@code statusMessage}.
     *
     * @return the message, or {@code null} when absent
     */
    String statusMessage();

    /**
     * {@code commands}: what to run on the card next; empty when the TES is done.
     *
     * @return the commands, possibly empty
     */
    List<Command> commands();

    /**
     * {@code balance}: the card's balance, sent when the operation is done (reconstructed field), as an integer.
     *
     * @return the balance in the purse's unit, or {@code null} when absent or not an integer (then see
     *         {@link #balanceValue()})
     */
    Long balance();

    /**
     * {@code balance} as the JSON value the TES sent: the field is reconstructed, so a value that is not an integer
     * ({@code 12.50}, {@code "12.50 EUR"}, an object) is kept here rather than refused.
     *
     * @return the balance as received, or {@code null} when absent
     */
    JsonNode balanceValue();

    /**
     * Fields the contract does not define, kept as received.
     *
     * @return the extra fields, possibly empty
     */
    Map<String, JsonNode> extensions();

    /**
     * Whether the status is 0.
     *
     * @return {@code true} when the step succeeded
     */
    default boolean isOk() {
        return statusCode().isOk();
    }

    /**
     * Whether the TES ends the operation with this answer: a failure status, or success with no more commands.
     *
     * @return {@code true} when no further round follows
     */
    default boolean isFinal() {
        return !isOk() || commands().isEmpty();
    }

    /**
     * This response when its status is 0.
     *
     * @return this response
     * @throws GatewayStatusException when the status is not 0
     */
    default GatewayResponse orThrow() {
        if (!isOk()) {
            throw new GatewayStatusException(api(), statusCode(), statusMessage());
        }
        return this;
    }
}
