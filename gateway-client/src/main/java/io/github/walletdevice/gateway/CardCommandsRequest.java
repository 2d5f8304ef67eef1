package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code getCardCommands} request: read or update the card on a device, e.g. a top-up ({@code purchaseId} set
 * when the top-up was initiated from the wallet).
 *
 * <p>Valid by construction: {@code issuerId}, {@code deviceId} and {@code cardId} are required, every length and
 * format rule of the spec is checked, and a violation throws
 * {@link io.github.walletdevice.core.ValidationException} before anything is sent.
 *
 * @param issuerId the card issuer identifier, 1–16 characters
 * @param cardId the card identifier, 1–48 characters
 * @param purchaseId the purchase identifier, 1–64 characters, or {@code null}
 * @param deviceId the device identifier, 1–48 characters
 * @param operation the operation, or {@code null}
 * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
 * @param statusCode the TSH's status for the previous round, or {@code null}
 * @param statusMessage text going with the status, or {@code null}
 * @param responses the card's answers to the previous round's commands, or {@code null} for none
 * @param extensions fields the contract does not define, or {@code null}
 */
public record CardCommandsRequest(
        String issuerId,
        String cardId,
        String purchaseId,
        String deviceId,
        Operation operation,
        Double responseTimeMs,
        StatusCode statusCode,
        String statusMessage,
        List<CommandResponse> responses,
        Map<String, JsonNode> extensions) implements GatewayRequest<CardCommandsResponse> {

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of(
            "issuerId", "cardId", "purchaseId", "deviceId", "operation", "responseTimeMs", "statusCode",
            "statusMessage", "responses");

    /**
     * Checks every field.
     *
     * @param issuerId the card issuer identifier, 1–16 characters
     * @param cardId the card identifier, 1–48 characters
     * @param purchaseId the purchase identifier, 1–64 characters, or {@code null}
     * @param deviceId the device identifier, 1–48 characters
     * @param operation the operation, or {@code null}
     * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
     * @param statusCode the TSH's status for the previous round, or {@code null}
     * @param statusMessage text going with the status, or {@code null}
     * @param responses the card's answers to the previous round's commands, or {@code null} for none
     * @param extensions fields the contract does not define, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public CardCommandsRequest {
        issuerId = Fields.length("issuerId", issuerId, 1, 16);
        cardId = Fields.length("cardId", cardId, 1, 48);
        purchaseId = Fields.optionalLength("purchaseId", purchaseId, 1, 64);
        deviceId = Fields.length("deviceId", deviceId, 1, 48);
        responseTimeMs = Rules.responseTime(responseTimeMs);
        responses = Rules.list("responses", responses);
        extensions = Rules.extensions("getCardCommands", extensions, FIELDS);
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
        return new Builder().from(this).cardId(cardId).purchaseId(purchaseId);
    }

    @Override
    public GatewayApi api() {
        return GatewayApi.CARD_COMMANDS;
    }

    @Override
    public CardCommandsResponse answer(StatusCode statusCode, String statusMessage, List<Command> commands,
            JsonNode balance, Map<String, JsonNode> otherFields) {
        return new CardCommandsResponse(GatewayApi.CARD_COMMANDS, statusCode, statusMessage, commands, null,
                balance, otherFields);
    }

    @Override
    public CardCommandsRequest nextRound(List<CommandResponse> responses, Double responseTimeMs,
            StatusCode statusCode, String statusMessage) {
        return new CardCommandsRequest(this.issuerId, this.cardId, this.purchaseId, this.deviceId, this.operation,
                responseTimeMs, statusCode, statusMessage, responses, this.extensions);
    }

    @Override
    public String toString() {
        return "CardCommandsRequest[issuerId=" + issuerId + ", cardId=" + cardId + ", deviceId=" + deviceId
                + (purchaseId == null ? "" : ", purchaseId=" + purchaseId)
                + ModelRules.requestFields(this) + "]";
    }

    /** Builds {@link CardCommandsRequest}; the rules are checked by {@link #build()}. */
    public static final class Builder extends RequestBuilder<Builder> {
        private String cardId;
        private String purchaseId;

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
         * Sets {@code purchaseId}.
         *
         * @param purchaseId the purchase identifier, 1–64 characters, or {@code null}
         * @return this builder
         */
        public Builder purchaseId(String purchaseId) {
            this.purchaseId = purchaseId;
            return this;
        }

        /**
         * Builds and checks the request.
         *
         * @return the request
         * @throws io.github.walletdevice.core.ValidationException when a rule is broken
         */
        public CardCommandsRequest build() {
            return new CardCommandsRequest(issuerId, cardId, purchaseId, deviceId, operation, responseTimeMs,
                    statusCode, statusMessage, responses, extensions);
        }
    }
}
