package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code getReaderModeCommands} request: ingest an external card the phone reads in reader mode. The spec gives
 * this request no {@code cardId} (the card has no account yet) but an optional {@code cardContents}.
 *
 * <p>Valid by construction: {@code issuerId} and {@code deviceId} are required, every length and format rule of
 * the spec is checked, and a violation throws {@link io.github.walletdevice.core.ValidationException} before
 * anything is sent.
 *
 * @param issuerId the card issuer identifier, 1–16 characters
 * @param deviceId the device identifier, 1–48 characters
 * @param operation the operation, or {@code null}
 * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
 * @param cardContents what the phone read from the external card, or {@code null}
 * @param statusCode the TSH's status for the previous round, or {@code null}
 * @param statusMessage text going with the status, or {@code null}
 * @param responses the card's answers to the previous round's commands, or {@code null} for none
 * @param extensions fields the contract does not define, or {@code null}
 */
public record ReaderModeCommandsRequest(
        String issuerId,
        String deviceId,
        Operation operation,
        Double responseTimeMs,
        CardContents cardContents,
        StatusCode statusCode,
        String statusMessage,
        List<CommandResponse> responses,
        Map<String, JsonNode> extensions) implements GatewayRequest<ReaderModeCommandsResponse> {

    /** Fields the spec leaves out of this request: refused as extensions. */
    static final Set<String> ABSENT = Set.of("cardId", "purchaseId");

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of(
            "issuerId", "deviceId", "operation", "responseTimeMs", "cardContents", "statusCode", "statusMessage",
            "responses");

    /**
     * Checks every field.
     *
     * @param issuerId the card issuer identifier, 1–16 characters
     * @param deviceId the device identifier, 1–48 characters
     * @param operation the operation, or {@code null}
     * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
     * @param cardContents what the phone read from the external card, or {@code null}
     * @param statusCode the TSH's status for the previous round, or {@code null}
     * @param statusMessage text going with the status, or {@code null}
     * @param responses the card's answers to the previous round's commands, or {@code null} for none
     * @param extensions fields the contract does not define, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public ReaderModeCommandsRequest {
        issuerId = Fields.length("issuerId", issuerId, 1, 16);
        deviceId = Fields.length("deviceId", deviceId, 1, 48);
        responseTimeMs = Rules.responseTime(responseTimeMs);
        responses = Rules.list("responses", responses);
        extensions = Rules.extensions("getReaderModeCommands", extensions, FIELDS, ABSENT);
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
        return new Builder().from(this).cardContents(cardContents);
    }

    @Override
    public GatewayApi api() {
        return GatewayApi.READER_MODE_COMMANDS;
    }

    @Override
    public ReaderModeCommandsResponse answer(StatusCode statusCode, String statusMessage, List<Command> commands,
            JsonNode balance, Map<String, JsonNode> otherFields) {
        return ReaderModeCommandsResponse.read(statusCode, statusMessage, commands, balance, otherFields);
    }

    @Override
    public ReaderModeCommandsRequest nextRound(List<CommandResponse> responses, Double responseTimeMs,
            StatusCode statusCode, String statusMessage) {
        return new ReaderModeCommandsRequest(this.issuerId, this.deviceId, this.operation, responseTimeMs,
                this.cardContents, statusCode, statusMessage, responses, this.extensions);
    }

    @Override
    public String toString() {
        return "ReaderModeCommandsRequest[issuerId=" + issuerId + ", deviceId=" + deviceId
                + (cardContents == null ? "" : ", cardContents=" + cardContents)
                + ModelRules.requestFields(this) + "]";
    }

    /** Builds {@link ReaderModeCommandsRequest}; the rules are checked by {@link #build()}. */
    public static final class Builder extends RequestBuilder<Builder> {
        private CardContents cardContents;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets {@code cardContents}.
         *
         * @param cardContents what the phone read from the external card, or {@code null}
         * @return this builder
         */
        public Builder cardContents(CardContents cardContents) {
            this.cardContents = cardContents;
            return this;
        }

        /**
         * Builds and checks the request.
         *
         * @return the request
         * @throws io.github.walletdevice.core.ValidationException when a rule is broken
         */
        public ReaderModeCommandsRequest build() {
            return new ReaderModeCommandsRequest(issuerId, deviceId, operation, responseTimeMs, cardContents,
                    statusCode, statusMessage, responses, extensions);
        }
    }
}
