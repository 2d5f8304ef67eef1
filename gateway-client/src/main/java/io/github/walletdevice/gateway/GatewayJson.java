package io.github.walletdevice.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON form of the Device Gateway messages, for both sides: the client uses it, and a TES (or a test) can use it
 * to read requests and write answers with the same rules.
 *
 * <p>Writing: modelled fields in the spec's order, then extensions; {@code null}s are never written; an empty
 * {@code responses}, {@code commands} or {@code areaCodeList} is left out. Reading is lenient where the contract is
 * reconstructed or loosely typed: unknown fields are kept as extensions, {@code null} counts as absent, and numbers
 * sent as numeric strings ({@code "statusCode": "0"}) are accepted. One shared {@link ObjectMapper}, configured
 * once (unknown properties ignored, {@code null}s not written, trailing content refused).
 */
public final class GatewayJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    /** Reads trees with the type worked out once, not per call as {@code MAPPER.readTree} does. */
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private GatewayJson() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * A request as the JSON bytes the client sends.
     *
     * @param request the request
     * @return UTF-8 JSON
     */
    public static byte[] write(GatewayRequest request) {
        return bytes(g -> write(request, g));
    }

    /**
     * An answer as the JSON bytes a TES sends.
     *
     * @param response the answer
     * @return UTF-8 JSON
     */
    public static byte[] write(GatewayResponse response) {
        return bytes(g -> write(response, g));
    }

    /**
     * A request as a JSON tree: the same JSON as {@link #write(GatewayRequest)}, parsed.
     *
     * @param request the request
     * @return a new tree
     */
    public static ObjectNode tree(GatewayRequest request) {
        return tree(g -> write(request, g));
    }

    /**
     * An answer as a JSON tree: the same JSON as {@link #write(GatewayResponse)}, parsed.
     *
     * @param response the answer
     * @return a new tree
     */
    public static ObjectNode tree(GatewayResponse response) {
        return tree(g -> write(response, g));
    }

    /** Writes one message to a generator; the single place that decides the JSON form of each message. */
    private interface Writer {
        void to(JsonGenerator g) throws IOException;
    }

    // Straight to bytes, with no tree in between: every call of the client writes a request.
    private static byte[] bytes(Writer writer) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            writer.to(g);
        } catch (IOException e) {
            // Plain values and nodes into memory always serialise; anything else is a bug here.
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static ObjectNode tree(Writer writer) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writer.to(buffer);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    private static void write(GatewayRequest request, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("issuerId", request.issuerId());
        if (request instanceof CardCommandsRequest r) {
            g.writeStringField("cardId", r.cardId());
            writeText(g, "purchaseId", r.purchaseId());
        } else if (request instanceof ParkCardCommandsRequest r) {
            g.writeStringField("cardId", r.cardId());
        }
        g.writeStringField("deviceId", request.deviceId());
        if (request.operation() != null) {
            g.writeStringField("operation", request.operation().value());
        }
        if (request.responseTimeMs() != null) {
            g.writeNumberField("responseTimeMs", request.responseTimeMs());
        }
        if (request instanceof ReaderModeCommandsRequest r && r.cardContents() != null) {
            g.writeFieldName("cardContents");
            write(r.cardContents(), g);
        }
        if (request.statusCode() != null) {
            g.writeNumberField("statusCode", request.statusCode().code());
        }
        writeText(g, "statusMessage", request.statusMessage());
        if (!request.responses().isEmpty()) {
            g.writeArrayFieldStart("responses");
            for (CommandResponse r : request.responses()) {
                writeItem(g, "commandId", r.commandId(), "response", r.response(), r.extensions());
            }
            g.writeEndArray();
        }
        writeExtensions(g, request.extensions());
        g.writeEndObject();
    }

    private static void write(GatewayResponse response, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("statusCode", response.statusCode().code());
        writeText(g, "statusMessage", response.statusMessage());
        if (!response.commands().isEmpty()) {
            g.writeArrayFieldStart("commands");
            for (Command c : response.commands()) {
                writeItem(g, "commandId", c.commandId(), "command", c.command(), c.extensions());
            }
            g.writeEndArray();
        }
        if (response.balance() != null) {
            g.writeNumberField("balance", response.balance());
        }
        if (response instanceof ReaderModeCommandsResponse r) {
            writeText(g, "cardAccountId", r.cardAccountId());
        }
        writeExtensions(g, response.extensions());
        g.writeEndObject();
    }

    private static void write(CardContents c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writeText(g, "cardServiceId", c.cardServiceId());
        writeText(g, "systemCode", c.systemCode());
        writeText(g, "idm", c.idm());
        writeText(g, "pmm", c.pmm());
        if (!c.areaCodeList().isEmpty()) {
            g.writeArrayFieldStart("areaCodeList");
            for (AreaCodeEntry e : c.areaCodeList()) {
                writeItem(g, "areaCode", e.areaCode(), "keyVersion", e.keyVersion(), e.extensions());
            }
            g.writeEndArray();
        }
        writeExtensions(g, c.extensions());
        g.writeEndObject();
    }

    /** An array item: two text fields, then its extensions. */
    private static void writeItem(JsonGenerator g, String firstName, String first, String secondName, String second,
            Map<String, JsonNode> extensions) throws IOException {
        g.writeStartObject();
        g.writeStringField(firstName, first);
        g.writeStringField(secondName, second);
        writeExtensions(g, extensions);
        g.writeEndObject();
    }

    private static void writeText(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    // A null or missing node means absent; the rest are written as they are, never copied.
    private static void writeExtensions(JsonGenerator g, Map<String, JsonNode> extensions) throws IOException {
        for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
            if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
        }
    }

    /**
     * A value as a JSON node, for extensions.
     *
     * @param value a {@link JsonNode} (copied) or any value Jackson can convert: string, number, boolean, map, list
     * @return the node
     * @throws IllegalArgumentException when the value cannot be converted
     */
    public static JsonNode node(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof JsonNode n) {
            return n.deepCopy();
        }
        return MAPPER.valueToTree(value);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a TES's answer, leniently (see the class documentation).
     *
     * @param api the operation answered, which decides the response type
     * @param body the response body
     * @return the answer, of the type matching {@code api}
     * @throws MalformedResponseException when the body is not a JSON object, {@code statusCode} is missing, or a
     *         field has a type or format the contract does not allow (e.g. a command that is not hex)
     */
    public static GatewayResponse readResponse(GatewayApi api, byte[] body) {
        return readResponse(api, body, null);
    }

    static GatewayResponse readResponse(GatewayApi api, byte[] body, String contentType) {
        String what = api.operationName() + " response";
        try {
            ObjectNode root = object(body, what);
            return response(api, new Fields(root, ""));
        } catch (Problem p) {
            throw malformed(api, body, contentType, p.describe());
        } catch (ValidationException e) {
            throw malformed(api, body, contentType, e.field() + " must be " + e.rule()
                    + (e.shownValue() == null ? "" : ", got \"" + Redactor.truncate(e.shownValue(), 80) + "\""));
        }
    }

    private static MalformedResponseException malformed(GatewayApi api, byte[] body, String contentType,
                                                        String problem) {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = contentType == null ? "" : " (Content-Type " + contentType + ")";
        return new MalformedResponseException(api.operationName() + " answered a body" + type
                + " that is not the JSON the contract promises: " + problem
                + ". The TES may have acted on the request; do not repeat it blindly.",
                Redactor.body(text, HttpStatusException.MAX_EXCERPT_CHARS), null);
    }

    /**
     * Reads a TSH's request, as a TES does: unknown fields are kept as extensions, and every rule of the spec is
     * checked.
     *
     * @param api the operation called, which decides the request type
     * @param body the request body
     * @return the request, of the type matching {@code api}
     * @throws ValidationException when the body is not a JSON object or a field is missing or breaks a rule;
     *         {@link ValidationException#shownValue()} is {@code null} exactly when the field is missing (a TES
     *         answers 111 then, 112 otherwise)
     */
    public static GatewayRequest readRequest(GatewayApi api, byte[] body) {
        try {
            return request(api, new Fields(object(body, api.operationName() + " request"), ""));
        } catch (Problem p) {
            throw new ValidationException(p.field, p.rule, p.shown == null ? "" : p.shown);
        }
    }

    private static ObjectNode object(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new Problem("body", "a JSON object", "an empty body");
        }
        JsonNode root;
        try {
            root = TREE_READER.readTree(body);
        } catch (IOException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            throw new Problem("body", "a JSON object", "text that is not JSON: \""
                    + Redactor.truncate(Redactor.body(text, 200), 40) + "\"");
        }
        if (root == null || !root.isObject()) {
            throw new Problem("body", "a JSON object", root == null ? "nothing" : "a JSON " + kind(root));
        }
        return (ObjectNode) root;
    }

    private static GatewayResponse response(GatewayApi api, Fields f) {
        Integer status = f.integer("statusCode");
        if (status == null) {
            throw new Problem("statusCode", "present (the contract requires a status in every answer)", null);
        }
        StatusCode code = StatusCode.of(status);
        String message = f.text("statusMessage");
        List<Command> commands = f.list("commands", item -> new Command(item.text("commandId"),
                item.text("command"), item.rest(Command.FIELDS)));
        Long balance = f.longValue("balance");
        switch (api) {
            case CARD_COMMANDS:
                return new CardCommandsResponse(code, message, commands, balance,
                        f.rest(CardCommandsResponse.FIELDS));
            case PARK_CARD_COMMANDS:
                return new ParkCardCommandsResponse(code, message, commands, balance,
                        f.rest(ParkCardCommandsResponse.FIELDS));
            default:
                return new ReaderModeCommandsResponse(code, message, commands, balance, f.text("cardAccountId"),
                        f.rest(ReaderModeCommandsResponse.FIELDS));
        }
    }

    private static GatewayRequest request(GatewayApi api, Fields f) {
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
                Fields contents = f.object("cardContents");
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

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isTextual() ? "string" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A field that breaks the contract while reading. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String rule;
        final String shown;

        Problem(String field, String rule, String shown) {
            super(field + " must be " + rule, null, false, false);
            this.field = field;
            this.rule = rule;
            this.shown = shown;
        }

        String describe() {
            return field + " must be " + rule + (shown == null ? " but is missing" : ", got " + shown);
        }
    }

    /**
     * Typed, lenient access to one JSON object's fields. Where the object sits ({@code commands[1].}) is worked out
     * only for a message: reading a valid answer builds no names.
     */
    private static final class Fields {
        private final ObjectNode node;
        /** The object holding this one, or {@code null} for the root; then its field and, in an array, index. */
        private final Fields parent;
        private final String field;
        private final int index;

        Fields(ObjectNode node, String path) {
            this(node, null, path, -1);
        }

        private Fields(ObjectNode node, Fields parent, String field, int index) {
            this.node = node;
            this.parent = parent;
            this.field = field;
            this.index = index;
        }

        /** The prefix naming this object's fields, e.g. {@code "commands[1]."}; {@code ""} for the root. */
        private String path() {
            if (parent == null) {
                return field;
            }
            return parent.name(field) + (index < 0 ? "." : "[" + index + "].");
        }

        private String name(String field) {
            return path() + field;
        }

        private JsonNode get(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        private Problem wrongType(String field, String rule, JsonNode v) {
            return new Problem(name(field), rule, "a JSON " + kind(v) + " " + Redactor.truncate(v.toString(), 60));
        }

        String text(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (v.isTextual()) {
                return v.textValue();
            }
            if (v.isNumber() || v.isBoolean()) {
                return v.asText();
            }
            throw wrongType(field, "a string", v);
        }

        private BigDecimal number(String field, String rule) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (v.isNumber()) {
                return v.decimalValue();
            }
            if (v.isTextual()) {
                String text = v.textValue().strip();
                // BigDecimal takes any Unicode digit (Arabic-Indic, fullwidth...): a number in text is ASCII only.
                if (!isAsciiNumber(text)) {
                    throw wrongType(field, rule, v);
                }
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw wrongType(field, rule, v);
                }
            }
            throw wrongType(field, rule, v);
        }

        /** Only the ASCII characters of a JSON number: digits, sign, decimal point, exponent. */
        private static boolean isAsciiNumber(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
                    return false;
                }
            }
            return true;
        }

        Integer integer(String field) {
            JsonNode v = node.get(field);
            if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            String rule = "an integer";
            BigDecimal d = number(field, rule);
            if (d == null) {
                return null;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(field, rule, node.get(field));
            }
        }

        Long longValue(String field) {
            JsonNode v = node.get(field);
            if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            String rule = "an integer";
            BigDecimal d = number(field, rule);
            if (d == null) {
                return null;
            }
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(field, rule, node.get(field));
            }
        }

        Double doubleValue(String field) {
            BigDecimal d = number(field, "a number");
            return d == null ? null : d.doubleValue();
        }

        Fields object(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                throw wrongType(field, "an object", v);
            }
            return new Fields((ObjectNode) v, this, field, -1);
        }

        <T> List<T> list(String field, java.util.function.Function<Fields, T> item) {
            JsonNode v = get(field);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw wrongType(field, "an array", v);
            }
            List<T> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (!e.isObject()) {
                    throw new Problem(name(field) + "[" + i + "]", "an object", "a JSON " + kind(e));
                }
                out.add(item.apply(new Fields((ObjectNode) e, this, field, i)));
            }
            return out;
        }

        Map<String, JsonNode> rest(Set<String> known) {
            Map<String, JsonNode> extra = null;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!known.contains(e.getKey())) {
                    if (extra == null) {
                        extra = new LinkedHashMap<>();
                    }
                    extra.put(e.getKey(), e.getValue());
                }
            }
            return extra == null ? Map.of() : extra;
        }
    }
}
