package io.github.walletdevice.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.Redactor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed, lenient access to one JSON object's fields. Where the object sits ({@code commands[1].}) is worked out
 * only for a message: reading a valid answer builds no names.
 */
public final class JsonFields {
    private final ObjectNode node;
    /** The object holding this one, or {@code null} for the root; then its field and, in an array, index. */
    private final JsonFields parent;
    private final String field;
    private final int index;

    public JsonFields(ObjectNode node, String path) {
        this(node, null, path, -1);
    }

    private JsonFields(ObjectNode node, JsonFields parent, String field, int index) {
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

    /**
     * The field's value, or {@code null} when it is missing, JSON {@code null} or Jackson's missing node (what
     * {@code answer.path("a").path("b")} gives when a path is missing, which an answer shape may store).
     */
    public JsonNode get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private JsonProblem wrongType(String field, String rule, JsonNode v) {
        return new JsonProblem(name(field), rule, "a JSON " + kind(v) + " " + Redactor.truncate(v.toString(), 60));
    }

    public String text(String field) {
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
    public static boolean isAsciiNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    public Integer integer(String field) {
        JsonNode v = get(field);
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

    public Long longValue(String field) {
        JsonNode v = get(field);
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

    public Double doubleValue(String field) {
        BigDecimal d = number(field, "a number");
        return d == null ? null : d.doubleValue();
    }

    public JsonFields object(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object", v);
        }
        return new JsonFields((ObjectNode) v, this, field, -1);
    }

    public <T> List<T> list(String field, java.util.function.Function<JsonFields, T> item) {
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
                throw new JsonProblem(name(field) + "[" + i + "]", "an object", "a JSON " + kind(e));
            }
            out.add(item.apply(new JsonFields((ObjectNode) e, this, field, i)));
        }
        return out;
    }

    public Map<String, JsonNode> rest(Set<String> known) {
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

    public static String kind(JsonNode n) {
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
        return n.isTextual() ? "string" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A field that breaks the contract while reading: cheap (no stack trace), turned by the reader into the
     * exception its caller expects.
     */
    public static final class JsonProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String rule;
        private final String shown;

        /**
         * A problem.
         *
         * @param field where, e.g. {@code commands[1].command}
         * @param rule what it must be
         * @param shown what it is, or {@code null} when missing
         */
        public JsonProblem(String field, String rule, String shown) {
            super(field + " must be " + rule, null, false, false);
            this.field = field;
            this.rule = rule;
            this.shown = shown;
        }

        /**
         * Where.
         *
         * @return the field's path
         */
        public String field() {
            return field;
        }

        /**
         * What it must be.
         *
         * @return the rule
         */
        public String rule() {
            return rule;
        }

        /**
         * What it is.
         *
         * @return the value as shown, or {@code null} when missing
         */
        public String shown() {
            return shown;
        }

        /**
         * One sentence for a message.
         *
         * @return e.g. {@code statusCode must be an integer, got a JSON string "x"}
         */
        public String describe() {
            return field + " must be " + rule + (shown == null ? " but is missing" : ", got " + shown);
        }
    }
}
