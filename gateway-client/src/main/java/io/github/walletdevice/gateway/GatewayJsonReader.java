package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.internal.JsonFields;
import io.github.walletdevice.gateway.internal.JsonFields.JsonProblem;
import io.github.walletdevice.gateway.internal.GatewayMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the Device Gateway messages (see {@link GatewayJson}) leniently: answers where the contract is reconstructed,
 * and requests (gateway-server's strict reader checks the JSON types a TES must).
 */
final class GatewayJsonReader {
    /** Where Thales's TES-IN convention puts the status: {@code {responseHeader:{statusCode, statusMessage, …}}}. */
    static final String RESPONSE_HEADER = "responseHeader";

    /**
     * Makes the answer of an operation's type from the parts every answer has: {@link GatewayRequest#answer} when a
     * request is at hand, the operation's when only it is known.
     *
     * @param <R> the answer type
     */
    @FunctionalInterface
    interface AnswerType<R extends GatewayResponse> {
        /**
         * Makes the answer.
         *
         * @param statusCode the status
         * @param statusMessage its text, or {@code null}
         * @param commands the commands, possibly empty
         * @param balance the balance as sent, or {@code null}
         * @param otherFields the answer's other fields
         * @return the answer
         */
        R answer(StatusCode statusCode, String statusMessage, List<Command> commands, JsonNode balance,
                 Map<String, JsonNode> otherFields);
    }

    /**
     * Reads trees with the type worked out once, not per call as {@code MAPPER.readTree} does; a decimal (a balance
     * of 12.50) is kept as written, not rounded to a double or overflowed to Infinity.
     */
    private static final ObjectReader TREE_READER = GatewayMapper.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFactory.withExactBigDecimals(true));

    private GatewayJsonReader() {
    }

    /**
     * Reads a TES's answer.
     *
     * @param <R> the answer type
     * @param api the operation answered
     * @param type makes the answer of the operation's type
     * @param body the body
     * @param contentType the {@code Content-Type}, for the message of a failure, or {@code null}
     * @param shape maps the answer to the SDK's shape
     * @return the answer
     * @throws MalformedResponseException when the body is not the answer the contract promises
     */
    static <R extends GatewayResponse> R response(GatewayApi api, AnswerType<R> type, byte[] body,
                                                         String contentType, AnswerShape shape) {
        Objects.requireNonNull(shape, "shape");
        try {
            ObjectNode root = object(body);
            ObjectNode shaped;
            try {
                shaped = shape.toSdkShape(api, root);
            } catch (ValidationException e) {
                throw e;
            } catch (RuntimeException e) {
                // The caller's code failed on this answer (a null, a cast): still an answer the SDK cannot read.
                throw malformed(api, body, contentType, "the configured AnswerShape failed on it ("
                        + e.getClass().getName() + ")", e);
            }
            if (shaped == null) {
                throw new JsonProblem("body", "an answer the configured AnswerShape can map", "null from the shape");
            }
            return response(type, new JsonFields(shaped, ""));
        } catch (JsonProblem p) {
            throw malformed(api, body, contentType, p.describe(), null);
        } catch (ValidationException e) {
            throw malformed(api, body, contentType, e.field() + " must be " + e.rule()
                    + (e.shownValue() == null ? "" : ", got \"" + Redactor.truncate(e.shownValue(), 80) + "\""),
                    null);
        }
    }

    /**
     * Reads a TSH's request leniently.
     *
     * @param api the operation called
     * @param body the body
     * @return the request, of the operation's type
     * @throws ValidationException when the body is not a JSON object or a field breaks a rule
     */
    static GatewayRequest<?> request(GatewayApi api, byte[] body) {
        try {
            return request(api, new JsonFields(object(body), ""));
        } catch (JsonProblem p) {
            throw new ValidationException(p.field(), p.rule(), p.shown() == null ? "" : p.shown());
        }
    }

    private static MalformedResponseException malformed(GatewayApi api, byte[] body, String contentType,
                                                        String problem, Throwable cause) {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = contentType == null ? "" : " (Content-Type " + contentType + ")";
        return new MalformedResponseException(api.operationName() + " answered a body" + type
                + " that is not the JSON the contract promises: " + problem
                + ". The TES may have acted on the request; do not repeat it blindly.",
                Redactor.body(text, HttpStatusException.MAX_EXCERPT_CHARS), cause);
    }

    private static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new JsonProblem("body", "a JSON object", "an empty body");
        }
        JsonNode root;
        try {
            root = TREE_READER.readTree(body);
        } catch (IOException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            throw new JsonProblem("body", "a JSON object", "text that is not JSON: \""
                    + Redactor.truncate(Redactor.body(text, 200), 40) + "\"");
        }
        if (root == null || !root.isObject()) {
            throw new JsonProblem("body", "a JSON object",
                    root == null ? "nothing" : "a JSON " + JsonFields.kind(root));
        }
        return (ObjectNode) root;
    }

    private static <R extends GatewayResponse> R response(AnswerType<R> type, JsonFields f) {
        // The status is confirmed; where it sits is not: the top level, or responseHeader as in Thales's TES-IN API.
        JsonNode headerNode = f.get(RESPONSE_HEADER);
        JsonFields header = headerNode != null && headerNode.isObject() ? f.object(RESPONSE_HEADER) : null;
        Integer status = f.integer("statusCode");
        Integer headerStatus = header == null ? null : header.integer("statusCode");
        if (status != null && headerStatus != null && !status.equals(headerStatus)) {
            throw new JsonProblem("statusCode", "one status (the top level and responseHeader disagree)",
                    status + " and " + RESPONSE_HEADER + ".statusCode " + headerStatus);
        }
        if (status == null) {
            status = headerStatus;
        }
        if (status == null) {
            throw new JsonProblem("statusCode", "present at the top level or under " + RESPONSE_HEADER
                    + " (the contract requires a status in every answer)", null);
        }
        StatusCode code = StatusCode.of(status);
        String message = f.text("statusMessage");
        if (message == null && header != null) {
            message = header.text("statusMessage");
        }
        List<Command> commands = f.list("commands", item -> new Command(item.text("commandId"),
                item.text("command"), item.rest(Command.FIELDS)));
        // The balance is reconstructed: whatever JSON it is, it is kept, and read as an integer only when it is one.
        JsonNode balance = f.get("balance");
        // The fields every answer has are CardCommandsResponse's; the answer type takes its own from the rest.
        return type.answer(code, message, commands, balance, f.rest(CardCommandsResponse.FIELDS));
    }

    private static GatewayRequest<?> request(GatewayApi api, JsonFields f) {
        String operationName = f.text("operation");
        Operation operation = operationName == null ? null : Operation.of(operationName);
        Integer status = f.integer("statusCode");
        StatusCode statusCode = status == null ? null : StatusCode.of(status);
        List<CommandResponse> responses = f.list("responses", item -> new CommandResponse(item.text("commandId"),
                item.text("response"), item.rest(CommandResponse.FIELDS)));
        switch (api) {
            case CARD_COMMANDS:
                return new CardCommandsRequest(f.text("issuerId"), f.text("cardId"), f.text("purchaseId"),
                        f.text("deviceId"), operation, f.doubleValue("responseTimeMs"), statusCode,
                        f.text("statusMessage"), responses, f.rest(CardCommandsRequest.FIELDS));
            case PARK_CARD_COMMANDS:
                return new ParkCardCommandsRequest(f.text("issuerId"), f.text("cardId"), f.text("deviceId"),
                        operation, f.doubleValue("responseTimeMs"), statusCode, f.text("statusMessage"), responses,
                        f.rest(ParkCardCommandsRequest.FIELDS));
            default:
                JsonFields contents = f.object("cardContents");
                CardContents cardContents = contents == null ? null : new CardContents(
                        contents.text("cardServiceId"), contents.text("systemCode"), contents.text("idm"),
                        contents.text("pmm"), contents.list("areaCodeList", item -> new AreaCodeEntry(
                                item.text("areaCode"), item.text("keyVersion"), item.rest(AreaCodeEntry.FIELDS))),
                        contents.rest(CardContents.FIELDS));
                return new ReaderModeCommandsRequest(f.text("issuerId"), f.text("deviceId"), operation,
                        f.doubleValue("responseTimeMs"), cardContents, statusCode, f.text("statusMessage"),
                        responses, f.rest(ReaderModeCommandsRequest.FIELDS));
        }
    }
}
