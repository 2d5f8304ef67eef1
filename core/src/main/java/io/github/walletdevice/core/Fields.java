package io.github.walletdevice.core;

import java.util.HexFormat;

/**
 * Checks request fields against the API's rules before anything is sent. Lengths count characters (Unicode code
 * points), as the specs and JSON Schema do. Every method returns the value it checked, so that a constructor can
 * validate and assign in one step, and throws {@link ValidationException} naming the field, the rule and the value
 * (shown according to its {@link Sensitivity}).
 */
public final class Fields {
    private Fields() {
    }

    /**
     * The value must be present.
     *
     * @param field the field's name
     * @param value the value
     * @param <T> the value's type
     * @return the value
     */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "present", null);
        }
        return value;
    }

    /**
     * The value must be present, with a length in a range, counted in characters (Unicode code points).
     *
     * @param field the field's name
     * @param value the value
     * @param min least length
     * @param max greatest length
     * @param sensitivity how the value may be shown
     * @return the value
     */
    public static String length(String field, String value, int min, int max, Sensitivity sensitivity) {
        required(field, value);
        int length = characters(value);
        if (length < min || length > max) {
            throw new ValidationException(field, lengthRule(min, max) + " (it has " + length + ")",
                    sensitivity.show(value));
        }
        return value;
    }

    /**
     * The length of a value as the specs count it: in characters (Unicode code points, as JSON Schema's
     * {@code maxLength} does), so that a character outside the Basic Multilingual Plane counts once, not twice as
     * in {@link String#length()}.
     *
     * @param value the value
     * @return its number of code points
     */
    public static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * The value must be present, with a length in a range; shown as is.
     *
     * @param field the field's name
     * @param value the value
     * @param min least length
     * @param max greatest length
     * @return the value
     */
    public static String length(String field, String value, int min, int max) {
        return length(field, value, min, max, Sensitivity.PLAIN);
    }

    /**
     * An optional value: {@code null} passes, anything else must have a length in a range.
     *
     * @param field the field's name
     * @param value the value, or {@code null}
     * @param min least length
     * @param max greatest length
     * @return the value
     */
    public static String optionalLength(String field, String value, int min, int max) {
        return value == null ? null : length(field, value, min, max, Sensitivity.PLAIN);
    }

    /**
     * The value must be ASCII digits only, with a length in a range.
     *
     * @param field the field's name
     * @param value the value
     * @param min least length
     * @param max greatest length
     * @param sensitivity how the value may be shown
     * @return the value
     */
    public static String digits(String field, String value, int min, int max, Sensitivity sensitivity) {
        length(field, value, min, max, sensitivity);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new ValidationException(field, "digits 0-9 only, " + lengthRule(min, max),
                        sensitivity.show(value));
            }
        }
        return value;
    }

    /**
     * The value must be ASCII letters and digits only, with a length in a range.
     *
     * @param field the field's name
     * @param value the value
     * @param min least length
     * @param max greatest length
     * @param sensitivity how the value may be shown
     * @return the value
     */
    public static String alphanumeric(String field, String value, int min, int max, Sensitivity sensitivity) {
        length(field, value, min, max, sensitivity);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new ValidationException(field, "letters A-Z, a-z and digits 0-9 only, " + lengthRule(min, max),
                        sensitivity.show(value));
            }
        }
        return value;
    }

    /**
     * The value must be ASCII hexadecimal digits ({@code 0-9}, {@code a-f}, {@code A-F}) of an exact length; other
     * scripts' digits (Arabic-Indic, fullwidth) are refused.
     *
     * @param field the field's name
     * @param value the value
     * @param length the exact number of hex digits
     * @return the value
     */
    public static String hex(String field, String value, int length) {
        required(field, value);
        boolean ok = value.length() == length;
        for (int i = 0; ok && i < value.length(); i++) {
            ok = HexFormat.isHexDigit(value.charAt(i));
        }
        if (!ok) {
            throw new ValidationException(field, "exactly " + length + " hexadecimal digits", value);
        }
        return value;
    }

    /**
     * The value must be ASCII hexadecimal digits ({@code 0-9}, {@code a-f}, {@code A-F}), an even number of them, at
     * most a given count; other scripts' digits (Arabic-Indic, fullwidth) are refused.
     *
     * @param field the field's name
     * @param value the value
     * @param maxLength the most hex digits
     * @return the value
     */
    public static String hexBytes(String field, String value, int maxLength) {
        required(field, value);
        boolean ok = value.length() % 2 == 0 && value.length() <= maxLength && !value.isEmpty();
        for (int i = 0; ok && i < value.length(); i++) {
            ok = HexFormat.isHexDigit(value.charAt(i));
        }
        if (!ok) {
            throw new ValidationException(field, "an even number (2-" + maxLength + ") of hexadecimal digits",
                    Redactor.truncate(value, 64));
        }
        return value;
    }

    /**
     * An integer must lie in a range.
     *
     * @param field the field's name
     * @param value the value
     * @param min least value
     * @param max greatest value
     * @return the value
     */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "between " + min + " and " + max, Long.toString(value));
        }
        return value;
    }

    /**
     * A duration must be present and more than zero.
     *
     * @param field the setting's name
     * @param value the duration
     * @return the duration
     */
    public static java.time.Duration positive(String field, java.time.Duration value) {
        required(field, value);
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(field, "a positive duration", value.toString());
        }
        return value;
    }

    /**
     * A duration must be present and not negative.
     *
     * @param field the setting's name
     * @param value the duration
     * @return the duration
     */
    public static java.time.Duration notNegative(String field, java.time.Duration value) {
        required(field, value);
        if (value.isNegative()) {
            throw new ValidationException(field, "zero or a positive duration", value.toString());
        }
        return value;
    }

    private static String lengthRule(int min, int max) {
        return min == max ? "exactly " + min + " characters long" : min + "-" + max + " characters long";
    }
}
