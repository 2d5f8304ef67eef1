package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A request of one of the three Device Gateway operations, typed by the answer it gets: {@code R} is
 * {@link CardCommandsResponse} for card and park, {@link ReaderModeCommandsResponse} for reader mode, so
 * {@link DeviceGatewayClient#send(GatewayRequest)} returns the right type with no cast. Instances are immutable and
 * valid by construction: every rule of the spec is checked when they are built, so nothing invalid is ever sent.
 * Absent optional fields are {@code null} (or empty) and are never written.
 *
 * @param <R> the type of the TES's answer to this request
 */
public sealed interface GatewayRequest<R extends GatewayResponse> permits CardCommandsRequest,
        ParkCardCommandsRequest, ReaderModeCommandsRequest {

    /**
     * The operation this request is for, which gives its path.
     *
     * @return the API operation
     */
    GatewayApi api();

    /**
     * The answer to this request, of its operation's type, built from the fields every answer has: how the SDK's
     * readers type what the TES sent. Fields particular to the operation ({@code cardAccountId} in reader mode) are
     * taken out of {@code otherFields}; the rest become the answer's extensions.
     *
     * @param statusCode the status
     * @param statusMessage the status text, or {@code null}
     * @param commands the next commands, possibly empty
     * @param balance the balance as sent, or {@code null}
     * @param otherFields the answer's other fields
     * @return the answer
     * @throws io.github.walletdevice.core.ValidationException when a field breaks a rule of the answer
     */
    R answer(StatusCode statusCode, String statusMessage, List<Command> commands, JsonNode balance,
             Map<String, JsonNode> otherFields);

    /**
     * {@code issuerId}: the card issuer, 1–16 characters.
     *
     * @return the issuer identifier
     */
    String issuerId();

    /**
     * {@code deviceId}: the device, 1–48 characters.
     *
     * @return the device identifier
     */
    String deviceId();

    /**
     * {@code operation}: what the commands are for.
     *
     * @return the operation, or {@code null} when not sent
     */
    Operation operation();

    /**
     * {@code responseTimeMs}: total time of the commands whose responses this request carries.
     *
     * @return milliseconds, or {@code null} when not sent
     */
    Double responseTimeMs();

    /**
     * {@code statusCode}: the TSH's status for the previous round (0, or a device failure such as 231).
     *
     * @return the status, or {@code null} when not sent
     */
    StatusCode statusCode();

    /**
     * {@code statusMessage}: text going with {@link #statusCode()}.
     *
     * @return the message, or {@code null} when not sent
     */
    String statusMessage();

    /**
     * {@code responses}: the card's answers to the previous round's commands (reconstructed field).
     *
     * @return the responses, empty on a first call (then the field is not sent)
     */
    List<CommandResponse> responses();

    /**
     * Fields the contract does not define, sent after the modelled ones.
     *
     * @return the extra fields, possibly empty
     */
    Map<String, JsonNode> extensions();

    /**
     * The same request for the next round of the command loop: identity fields, operation and extensions kept,
     * round fields replaced.
     *
     * @param responses the card's answers to the previous commands
     * @param responseTimeMs their total time, or {@code null}
     * @param statusCode the TSH's status for the round, or {@code null}
     * @param statusMessage its text, or {@code null}
     * @return the next request
     */
    GatewayRequest<R> nextRound(List<CommandResponse> responses, Double responseTimeMs, StatusCode statusCode,
                             String statusMessage);
}
