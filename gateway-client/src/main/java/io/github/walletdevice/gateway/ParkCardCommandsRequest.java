package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code getParkCardCommands} request: park a card, i.e. let the TES read and store its balance. The spec
 * gives this request no {@code purchaseId}.
 *
 * <p>Valid by construction: {@code issuerId}, {@code deviceId} and {@code cardId} are required, every length and
 * format rule of the spec is checked, and a violation throws
 * {@link io.github.walletdevice.core.ValidationException} before anything is sent.
 *
 * @param issuerId the card issuer identifier, 1–16 characters
 * @param cardId the card identifier, 1–48 characters
 * @param deviceId the device identifier, 1–48 characters
 * @param operation the operation, or {@code null}
 * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
 * @param statusCode the TSH's status for the previous round, or {@code null}
 * @param statusMessage text going with the status, or {@code null}
 * @param responses the card's answers to the previous round's commands, or {@code null} for none
 * @param extensions fields the contract does not define, or {@code null}
 */
public record ParkCardCommandsRequest(
        String issuerId,
        String cardId,
        String deviceId,
        Operation operation,
        Double responseTimeMs,
        StatusCode statusCode,
        String statusMessage,
        List<CommandResponse> responses,
        Map<String, JsonNode> extensions) implements GatewayRequest<CardCommandsResponse> {

    /** Fields the spec leaves out of this request: refused as extensions. */
    static final Set<String> ABSENT = Set.of("purchaseId");

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of(
            "issuerId", "cardId", "deviceId", "operation", "responseTimeMs", "statusCode", "statusMessage",
            "responses");

    /**
     * Checks every field.
     *
     * @param issuerId the card issuer identifier, 1–16 characters
     * @param cardId the card identifier, 1–48 characters
     * @param deviceId the device identifier, 1–48 characters
     * @param operation the operation, or {@code null}
     * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
     * @param statusCode the TSH's status for the previous round, or {@code null}
     * @param statusMessage text going with the status, or {@code null}
     * @param responses the card's answers to the previous round's commands, or {@code null} for none
     * @param extensions fields the contract does not define, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public ParkCardCommandsRequest {
        issuerId = Fields.length("issuerId", issuerId, 1, 16);
        cardId = Fields.length("cardId", cardId, 1, 48);
        deviceId = Fields.length("deviceId", deviceId, 1, 48);
        responseTimeMs = Rules.responseTime(responseTimeMs);
        responses = Rules.list("responses", responses);
        extensions = Rules.extensions("getParkCardCommands", extensions, FIELDS, ABSENT);
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().from(this).cardId(cardId);
    }

    @Override
    public GatewayApi api() {
        return GatewayApi.PARK_CARD_COMMANDS;
    }

    @Override
    public CardCommandsResponse answer(StatusCode statusCode, String statusMessage, List<Command> commands,
            JsonNode balance, Map<String, JsonNode> otherFields) {
        return new CardCommandsResponse(GatewayApi.PARK_CARD_COMMANDS, statusCode, statusMessage, commands,
                null, balance, otherFields);
    }

    @Override
    public ParkCardCommandsRequest nextRound(List<CommandResponse> responses, Double responseTimeMs,
            StatusCode statusCode, String statusMessage) {
        return new ParkCardCommandsRequest(this.issuerId, this.cardId, this.deviceId, this.operation, responseTimeMs,
                statusCode, statusMessage, responses, this.extensions);
    }

    @Override
    public String toString() {
        return "ParkCardCommandsRequest[issuerId=" + issuerId + ", cardId=" + cardId + ", deviceId=" + deviceId
                + ModelRules.requestFields(this) + "]";
    }

    /** Builds {@link ParkCardCommandsRequest}; the rules are checked by {@link #build()}. */
    public static final class Builder extends RequestBuilder<Builder> {
        private String cardId;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets {@code cardId}.
         *
         * @param cardId the card identifier, 1–48 characters
         * @return this builder
         */
        public Builder cardId(String cardId) {
            this.cardId = cardId;
            return this;
        }

        /**
         * Builds and checks the request.
         *
         * @return the request
         * @throws io.github.walletdevice.core.ValidationException when a rule is broken
         */
        public ParkCardCommandsRequest build() {
            return new ParkCardCommandsRequest(issuerId, cardId, deviceId, operation, responseTimeMs, statusCode,
                    statusMessage, responses, extensions);
        }
    }
}
