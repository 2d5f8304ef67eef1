package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three request builders share: the fields every {@link GatewayRequest} has and their setters. Each
 * public {@code Builder} adds its own fields and {@code build()}; the setters here return that builder, so a
 * chain keeps its type.
 *
 * @param <B> the concrete builder
 */
abstract class RequestBuilder<B extends RequestBuilder<B>> {
    String issuerId;
    String deviceId;
    Operation operation;
    Double responseTimeMs;
    StatusCode statusCode;
    String statusMessage;
    List<CommandResponse> responses = List.of();
    final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    /** The concrete builder, returned by every setter. */
    abstract B self();

    /** Copies the fields every request has, for {@code toBuilder()}; the caller copies the rest. */
    B from(GatewayRequest<?> request) {
        issuerId = request.issuerId();
        deviceId = request.deviceId();
        operation = request.operation();
        responseTimeMs = request.responseTimeMs();
        statusCode = request.statusCode();
        statusMessage = request.statusMessage();
        responses = request.responses();
        extensions.putAll(request.extensions());
        return self();
    }

    /**
     * Sets {@code issuerId}.
     *
     * @param issuerId the card issuer identifier, 1–16 characters
     * @return this builder
     */
    public B issuerId(String issuerId) {
        this.issuerId = issuerId;
        return self();
    }

    /**
     * Sets {@code deviceId}.
     *
     * @param deviceId the device identifier, 1–48 characters
     * @return this builder
     */
    public B deviceId(String deviceId) {
        this.deviceId = deviceId;
        return self();
    }

    /**
     * Sets {@code operation}.
     *
     * @param operation the operation, or {@code null}
     * @return this builder
     */
    public B operation(Operation operation) {
        this.operation = operation;
        return self();
    }

    /**
     * Sets {@code operation} by name.
     *
     * @param operation the name, see {@link Operation#of(String)}
     * @return this builder
     */
    public B operation(String operation) {
        this.operation = operation == null ? null : Operation.of(operation);
        return self();
    }

    /**
     * Sets {@code responseTimeMs}.
     *
     * @param responseTimeMs total time of the commands answered in {@code responses}, in ms, or {@code null}
     * @return this builder
     */
    public B responseTimeMs(Double responseTimeMs) {
        this.responseTimeMs = responseTimeMs;
        return self();
    }

    /**
     * Sets {@code statusCode}.
     *
     * @param statusCode the TSH's status for the previous round, or {@code null}
     * @return this builder
     */
    public B statusCode(StatusCode statusCode) {
        this.statusCode = statusCode;
        return self();
    }

    /**
     * Sets {@code statusCode} by number.
     *
     * @param statusCode the code
     * @return this builder
     */
    public B statusCode(int statusCode) {
        this.statusCode = StatusCode.of(statusCode);
        return self();
    }

    /**
     * Sets {@code statusMessage}.
     *
     * @param statusMessage text going with the status, or {@code null}
     * @return this builder
     */
    public B statusMessage(String statusMessage) {
        this.statusMessage = statusMessage;
        return self();
    }

    /**
     * Sets {@code responses}.
     *
     * @param responses the card's answers to the previous round's commands, or {@code null} for none
     * @return this builder
     */
    public B responses(List<CommandResponse> responses) {
        this.responses = responses;
        return self();
    }

    /**
     * Adds a field the contract does not define; it is sent after the modelled ones.
     *
     * @param name the field's name, not one of the modelled ones
     * @param value a JSON node, or any value Jackson can convert (string, number, map, list, boolean);
     *              {@code null} removes the field
     * @return this builder
     */
    public B extension(String name, Object value) {
        if (value == null) {
            extensions.remove(name);
        } else {
            extensions.put(name, GatewayJson.node(value));
        }
        return self();
    }
}
