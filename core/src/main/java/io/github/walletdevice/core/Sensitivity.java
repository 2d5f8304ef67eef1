package io.github.walletdevice.core;

/** How a value may be shown in messages, logs and {@code toString()}. */
public enum Sensitivity {
    /** Shown as is. */
    PLAIN,
    /** A card number (PAN, DPAN): at most the first 6 and last 4 digits are shown. */
    PAN,
    /** A password or key: never shown. */
    SECRET;

    /**
     * The value as it may be shown.
     *
     * @param value the value, or {@code null}
     * @return the shown form, or {@code null} when the value is {@code null}
     */
    public String show(String value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case PLAIN -> value;
            case PAN -> Redactor.pan(value);
            case SECRET -> Redactor.SECRET_MASK;
        };
    }
}
