package io.github.walletdevice.core;

/**
 * A request failed a rule of the API's specification before anything was sent.
 * The message names the field, the rule and the offending value (redacted when the field is secret).
 */
public class ValidationException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** The field that failed, as the API spells it. */
    private final String field;
    /** The rule it broke. */
    private final String rule;
    /** The value as it may be shown (redacted), or {@code null} when missing. */
    private final String shownValue;

    /**
     * Creates a validation failure.
     *
     * @param field the field's name as the API spells it
     * @param rule the rule it broke, e.g. {@code "length 1-16"}
     * @param shownValue the value as it may be shown (already redacted where secret), or {@code null} if absent
     */
    public ValidationException(String field, String rule, String shownValue) {
        super(message(field, rule, shownValue));
        this.field = field;
        this.rule = rule;
        this.shownValue = shownValue;
    }

    private static String message(String field, String rule, String shownValue) {
        String value = shownValue == null ? "it is missing" : "got \"" + printable(shownValue) + "\"";
        return "Invalid " + field + ": must be " + rule + ", " + value + ". Nothing was sent; correct the value and retry.";
    }

    /**
     * The value with each control character written as a Java Unicode escape (backslash, {@code u}, four hex digits),
     * so that a message is one line in any log: a value read from a file or a header may end with a newline.
     */
    private static String printable(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * The field that failed.
     *
     * @return the field's name as the API spells it
     */
    public String field() {
        return field;
    }

    /**
     * The rule the field broke.
     *
     * @return a short description of the rule
     */
    public String rule() {
        return rule;
    }

    /**
     * The offending value as it may be shown: redacted for secrets, {@code null} when the value was missing.
     *
     * @return the redacted value, or {@code null}
     */
    public String shownValue() {
        return shownValue;
    }
}
