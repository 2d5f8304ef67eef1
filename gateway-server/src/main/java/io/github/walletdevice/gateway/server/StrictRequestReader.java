package io.github.walletdevice.gateway.server;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.AreaCodeEntry;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardContents;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.server.internal.Refusal;
import io.github.walletdevice.gateway.server.internal.StrictFields;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TSH's call exactly as strictly as the spec: the {@code x-actor-id} header, the {@code Content-Type} and the
 * JSON body become the typed request of the operation, or the answer refusing it.
 * <ul>
 *   <li><b>111</b> (missing mandatory parameter): {@code x-actor-id} absent or empty; {@code issuerId},
 *       {@code deviceId}, and for card and park {@code cardId}, absent or {@code null}; in a {@code responses} item
 *       (reconstructed) {@code commandId} or {@code response} absent.</li>
 *   <li><b>112</b> (bad parameter format): {@code x-actor-id} over 32 characters; a {@code Content-Type} other than
 *       {@code application/json} (a {@code charset} parameter, if any, must be UTF-8) or none; a body that is not
 *       one JSON object (or repeats a field); a field of the wrong JSON type ({@code "issuerId": 12},
 *       {@code "cardId": true}, {@code "statusCode": "0"}); a length outside the spec's (counted in Unicode code
 *       points, as JSON Schema's {@code maxLength}); {@code cardContents} codes that are not hex of their size;
 *       a frame in {@code responses} that is not hex; a field spelt like a known one but for case
 *       ({@code purchaseID}); a field the spec gives another operation only ({@code purchaseId} in park,
 *       {@code cardId} in reader mode, {@code cardContents} in card and park).</li>
 * </ul>
 * Nothing else is required: {@code operation}, {@code responseTimeMs}, {@code statusCode} (0 or not, on any call),
 * {@code statusMessage}, {@code purchaseId} and reader mode's {@code cardContents} are optional, as in the spec.
 * Unknown fields are kept as the request's extensions. Thread-safe; one instance may serve every call.
 */
public final class StrictRequestReader {
    /** The header naming the TSH's actor. */
    public static final String ACTOR_HEADER = "x-actor-id";
    /** Most characters of {@code x-actor-id}. */
    public static final int MAX_ACTOR_ID = 32;

    private static final ObjectReader TREE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().readerFor(JsonNode.class);

    /** Every operation's fields: one of them in the rest of another operation is refused. */
    private static final Set<String> ANY_OPERATION = union(CardCommandsRequest.FIELDS, "cardContents");

    /** A reader. */
    public StrictRequestReader() {
    }

    /**
     * Reads one call.
     *
     * @param api the operation called (from the path)
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param actorId the {@code x-actor-id} header, or {@code null}
     * @param body the request body
     * @return the request, or the answer refusing it
     */
    public ReadResult read(GatewayApi api, String contentType, String actorId, byte[] body) {
        try {
            actor(actorId);
            contentType(contentType);
            return new ReadResult.Accepted(request(api, new StrictFields(object(body), "")));
        } catch (Refusal r) {
            return new ReadResult.Refused(Answers.failure(api, r.status(), r.getMessage()));
        } catch (ValidationException e) {
            // A rule of the model the checks above do not cover: a bad format all the same.
            return new ReadResult.Refused(Answers.failure(api, GatewayStatus.BAD_PARAMETER_FORMAT,
                    "Bad parameter format: " + e.field() + " must be " + e.rule()));
        }
    }

    private static void actor(String actorId) {
        if (actorId == null || actorId.isEmpty()) {
            throw Refusal.missing(ACTOR_HEADER + " header");
        }
        if (actorId.codePointCount(0, actorId.length()) > MAX_ACTOR_ID) {
            throw Refusal.badFormat(ACTOR_HEADER + " header", "must be at most " + MAX_ACTOR_ID + " characters");
        }
    }

    /** {@code application/json}, any case, with at most a UTF-8 {@code charset} among its parameters. */
    private static void contentType(String contentType) {
        String rule = "must be application/json";
        if (contentType == null) {
            throw Refusal.badFormat("Content-Type header", rule + ", got none");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw Refusal.badFormat("Content-Type header", rule + ", got " + parts[0].strip());
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw Refusal.badFormat("Content-Type header", "charset must be UTF-8, got " + charset);
                }
            }
        }
    }

    private static ObjectNode object(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : TREE.readTree(body);
        } catch (IOException e) {
            throw Refusal.badFormat("body", "must be one JSON object (it is not JSON, or repeats a field)");
        }
        if (root == null || !root.isObject()) {
            throw Refusal.badFormat("body", "must be a JSON object, got "
                    + (root == null ? "nothing" : "a JSON " + StrictFields.kind(root)));
        }
        return (ObjectNode) root;
    }

    private static GatewayRequest<?> request(GatewayApi api, StrictFields f) {
        String issuerId = f.required("issuerId", 1, 16);
        String cardId = api == GatewayApi.READER_MODE_COMMANDS ? null : f.required("cardId", 1, 48);
        String purchaseId = api == GatewayApi.CARD_COMMANDS ? f.optional("purchaseId", 1, 64) : null;
        String deviceId = f.required("deviceId", 1, 48);
        String operationName = f.optional("operation", 1, 0);
        Operation operation = operationName == null ? null : Operation.of(operationName);
        Double responseTimeMs = f.number("responseTimeMs");
        Integer status = f.integer("statusCode");
        StatusCode statusCode = status == null ? null : StatusCode.of(status);
        String statusMessage = f.optional("statusMessage", 0, 0);
        List<CommandResponse> responses = f.list("responses", item -> new CommandResponse(
                item.required("commandId", 1, 0), item.frame("response"), item.rest(CommandResponse.FIELDS)));
        switch (api) {
            case CARD_COMMANDS:
                return new CardCommandsRequest(issuerId, cardId, purchaseId, deviceId, operation, responseTimeMs,
                        statusCode, statusMessage, responses, notOf(api, f.rest(CardCommandsRequest.FIELDS)));
            case PARK_CARD_COMMANDS:
                return new ParkCardCommandsRequest(issuerId, cardId, deviceId, operation, responseTimeMs, statusCode,
                        statusMessage, responses, notOf(api, f.rest(ParkCardCommandsRequest.FIELDS)));
            default:
                return new ReaderModeCommandsRequest(issuerId, deviceId, operation, responseTimeMs,
                        cardContents(f.object("cardContents")), statusCode, statusMessage, responses,
                        notOf(api, f.rest(ReaderModeCommandsRequest.FIELDS)));
        }
    }

    private static CardContents cardContents(StrictFields c) {
        if (c == null) {
            return null;
        }
        return new CardContents(c.optional("cardServiceId", 1, 0), c.hex("systemCode", 4), c.hex("idm", 16),
                c.hex("pmm", 16), c.list("areaCodeList", item -> new AreaCodeEntry(requiredHex(item, "areaCode"),
                        requiredHex(item, "keyVersion"), item.rest(AreaCodeEntry.FIELDS))), c.rest(CardContents.FIELDS));
    }

    private static String requiredHex(StrictFields item, String field) {
        item.required(field, 1, 0);
        return item.hex(field, 4);
    }

    /**
     * Refuses a field another operation has but the spec leaves out of this one ({@code purchaseId} in park,
     * {@code cardId} in reader mode, {@code cardContents} in card and park).
     */
    private static <V> Map<String, V> notOf(GatewayApi api, Map<String, V> rest) {
        for (String name : rest.keySet()) {
            for (String other : ANY_OPERATION) {
                if (other.equalsIgnoreCase(name)) {
                    throw Refusal.badFormat(name, "is not a field of " + api.operationName());
                }
            }
        }
        return rest;
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
