package io.github.walletdevice.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The contract's field rules, shared by the models' constructors and factories, and pieces of their toString(). It
 * names no type of the API package (those rules are in its package-private {@code ModelRules}), so the API package
 * depends on this one and never the other way round.
 */
public final class Rules {
    /** Most hex digits of one FeliCa frame: LEN is one byte, so a frame is at most 255 bytes. */
    public static final int MAX_FRAME_HEX = 510;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Rules() {
    }

    public static String nonEmpty(String field, String value) {
        Fields.required(field, value);
        if (value.isEmpty()) {
            throw new ValidationException(field, "not empty", value);
        }
        return value;
    }

    /** Optional exact-length hex, upper-cased so that what is sent is canonical. */
    public static String optionalHex(String field, String value, int digits) {
        return value == null ? null : hex(field, value, digits);
    }

    /**
     * Exactly {@code digits} ASCII hex digits, upper-cased. Checked here rather than left to {@link Fields#hex}
     * alone: {@link Character#digit} also takes Arabic-Indic, Devanagari or fullwidth digits and fullwidth letters,
     * which no TES or card means, and {@link #bytes} could not parse later.
     */
    public static String hex(String field, String value, int digits) {
        Fields.required(field, value);
        if (value.length() != digits || !isAsciiHex(value)) {
            throw new ValidationException(field, "exactly " + digits + " hexadecimal digits", value);
        }
        return Fields.hex(field, value, digits).toUpperCase(Locale.ROOT);
    }

    /**
     * An even number of ASCII hex digits, one frame at most, upper-cased (see {@link #hex} for why ASCII). One pass
     * over the text, which is returned as it is when already upper case: every frame of a session goes through here.
     */
    public static String frameHex(String field, String value) {
        Fields.required(field, value);
        int length = value.length();
        if (length == 0 || length % 2 != 0 || length > MAX_FRAME_HEX) {
            throw notFrameHex(field, value);
        }
        boolean lowerCase = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!HexFormat.isHexDigit(c)) {
                throw notFrameHex(field, value);
            }
            lowerCase |= c >= 'a';
        }
        return lowerCase ? value.toUpperCase(Locale.ROOT) : value;
    }

    private static ValidationException notFrameHex(String field, String value) {
        return new ValidationException(field, "an even number (2-" + MAX_FRAME_HEX + ") of hexadecimal digits",
                Redactor.truncate(value, 64));
    }

    /** Whether every character is 0-9, A-F or a-f (ASCII only). */
    public static boolean isAsciiHex(String value) {
        return value.chars().allMatch(HexFormat::isHexDigit);
    }

    public static String frameHex(String field, byte[] frame) {
        Objects.requireNonNull(frame, field);
        return frameHex(field, HEX.formatHex(frame));
    }

    public static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    /**
     * A field read leniently as text: a string as it is, a number or a boolean as its text; {@code null} when
     * absent or JSON {@code null}.
     *
     * @throws ValidationException when the value is an object or an array
     */
    public static String text(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new ValidationException(field, "a string", "a JSON " + JsonFields.kind(value) + " "
                + Redactor.truncate(value.toString(), 60));
    }

    public static Double responseTime(Double value) {
        if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
            throw new ValidationException("responseTimeMs", "a finite number of milliseconds, 0 or more",
                    value.toString());
        }
        return value;
    }

    public static <T> List<T> list(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new ValidationException(field, "a list without null elements", "null");
            }
            copy.add(v);
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * Copies user-added or unknown fields: deep copies (JSON nodes are mutable), order kept, Java nulls dropped,
     * and a name of a modelled field refused so that an extension can never silently replace it.
     */
    public static Map<String, JsonNode> extensions(String where, Map<String, JsonNode> extensions, Set<String> known) {
        return extensions(where, extensions, known, Set.of());
    }

    /** As above; {@code absent} names fields the spec leaves out of this message, so they may not be added. */
    public static Map<String, JsonNode> extensions(String where, Map<String, JsonNode> extensions, Set<String> known,
                                            Set<String> absent) {
        if (extensions == null || extensions.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty()) {
                throw new ValidationException(where + " extension", "a non-empty field name", name);
            }
            if (known.contains(name)) {
                throw new ValidationException(where + " extension", "a field name the model does not define ("
                        + String.join(", ", known) + " are set through the model)", name);
            }
            if (absent.contains(name)) {
                throw new ValidationException(where + " extension", "a field the spec gives this message ("
                        + name + " is not part of " + where + ")", name);
            }
            if (e.getValue() != null) {
                copy.put(name, e.getValue().deepCopy());
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The commands of an answer that asks for some: at least one (the constructor checks the elements). */
    public static <T> List<T> someCommands(List<T> commands) {
        if (commands == null || commands.isEmpty()) {
            throw new ValidationException("commands", "at least one command", null);
        }
        return commands;
    }

    /** A balance a factory sends: 0 or more. */
    public static long balance(long balance) {
        if (balance < 0) {
            throw new ValidationException("balance", "0 or more", Long.toString(balance));
        }
        return balance;
    }

    /**
     * The balance as kept: the JSON value received, or the integer given. A value and an integer that disagree are
     * refused, since the record could not say which one the TES meant.
     */
    public static JsonNode balanceValue(Long balance, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return balance == null ? null : LongNode.valueOf(balance);
        }
        if (balance != null && !balance.equals(integral(value))) {
            throw new ValidationException("balance", "the integer value of balanceValue (" + shortJson(value) + ")",
                    balance.toString());
        }
        return value.deepCopy();
    }

    /** The balance as an integer when it is one (a JSON integer, or ASCII digits in a string), else {@code null}. */
    public static Long integral(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        BigDecimal number = null;
        if (value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()))) {
            number = value.decimalValue();
        } else if (value.isTextual() && JsonFields.isAsciiNumber(value.textValue().strip())) {
            try {
                number = new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return number == null ? null : number.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** A JSON value for a message or {@code toString()}: at most 40 characters. */
    public static String shortJson(JsonNode value) {
        return Redactor.truncate(value.toString(), 40);
    }

    /** A frame's hex for {@code toString()}: enough to recognise it, never a wall of text. */
    public static String shortHex(String hex) {
        return Redactor.truncate(hex, 40);
    }

    /** The extensions' names for {@code toString()}, or {@code ""} when there are none. */
    public static String extensionNames(Map<String, JsonNode> extensions) {
        return extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet();
    }
}
