package io.github.walletdevice.gateway.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, strict access to one JSON object of a request: a field has the JSON type the spec gives it or the request
 * is refused (112), a mandatory one is present (111), lengths count characters (Unicode code points, as JSON
 * Schema's {@code maxLength}). A JSON {@code null} counts as absent.
 *
 * <p>The gateway client's {@code JsonFields} has the same shape but the opposite policy (lenient: a number where a
 * string is due is read as its text, and problems are malformed answers, not 111/112): every accessor differs, so the
 * two are kept apart rather than one class switching policy in each method.
 */
public final class StrictFields {
    private final ObjectNode node;
    private final String path;

    public StrictFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    private String name(String field) {
        return path + field;
    }

    private JsonNode get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private Refusal wrongType(String field, String expected, JsonNode v) {
        return Refusal.badFormat(name(field), "must be " + expected + ", got a JSON " + kind(v));
    }

    /** A mandatory string of {@code min}-{@code max} characters. */
    public String required(String field, int min, int max) {
        String v = optional(field, min, max);
        if (v == null) {
            throw Refusal.missing(name(field));
        }
        return v;
    }

    /** An optional string of {@code min}-{@code max} characters; {@code max} 0 for no limit. */
    public String optional(String field, int min, int max) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        String text = v.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < min || max > 0 && length > max) {
            throw Refusal.badFormat(name(field), "must be " + min + "-" + max + " characters long (it has "
                    + length + ")");
        }
        return text;
    }

    /** An optional string of exactly {@code digits} hex digits. */
    public String hex(String field, int digits) {
        String v = optional(field, 0, 0);
        if (v != null && (v.length() != digits || !isHex(v))) {
            throw Refusal.badFormat(name(field), "must be " + digits + " hexadecimal digits");
        }
        return v;
    }

    /** A mandatory FeliCa frame: an even number of hex digits, 1 to 255 bytes. */
    public String frame(String field) {
        String v = required(field, 1, 0);
        if (v.length() % 2 != 0 || v.length() > 510 || !isHex(v)) {
            throw Refusal.badFormat(name(field), "must be an even number (2-510) of hexadecimal digits");
        }
        return v;
    }

    /** An optional JSON number. */
    public Double number(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        return v.doubleValue();
    }

    /** An optional JSON number with an integral value that fits an int. */
    public Integer integer(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw Refusal.badFormat(name(field), "must be a whole number, got " + v);
        }
        return v.intValue();
    }

    /** An optional nested object. */
    public StrictFields object(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object", v);
        }
        return new StrictFields((ObjectNode) v, name(field) + ".");
    }

    /** An optional array of objects, each read by {@code item}; empty when absent. */
    public <T> List<T> list(String field, Function<StrictFields, T> item) {
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
            String at = name(field) + "[" + i + "]";
            if (!e.isObject()) {
                throw Refusal.badFormat(at, "must be an object, got a JSON " + kind(e));
            }
            out.add(item.apply(new StrictFields((ObjectNode) e, at + ".")));
        }
        return out;
    }

    /**
     * The fields the model does not define, kept as extensions. A name equal to a known one but for case
     * ({@code purchaseID}) is a client's mistake, not an extension: refused (112) rather than silently ignored.
     */
    public Map<String, JsonNode> rest(Set<String> known) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (known.contains(key)) {
                continue;
            }
            for (String k : known) {
                if (k.equalsIgnoreCase(key)) {
                    throw Refusal.badFormat(name(key), "is not a field of the API: the field is spelt " + k);
                }
            }
            extra.put(key, e.getValue());
        }
        return extra;
    }

    private static boolean isHex(String v) {
        return v.chars().allMatch(HexFormat::isHexDigit);
    }

    public static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
