package io.github.walletdevice.thredd;

/**
 * The kind of token user, the entity that initiates payment requests ({@code TokenUserType}).
 * {@link #UNRECOGNISED} stands for a code this version does not know; the raw code is kept by {@link TokenDevice}.
 */
public enum TokenUserType {
    /** {@code 00}: the type Thredd itself reports as unknown (not to be confused with {@link #UNRECOGNISED}). */
    UNKNOWN("00", "Unknown"),
    /** {@code 01}: web. */
    WEB("01", "Web"),
    /** {@code 02}: mobile web. */
    MOBILE_WEB("02", "Mobile web"),
    /** {@code 03}: mobile application. */
    MOBILE_APPLICATION("03", "Mobile application"),
    /** {@code 04}: marketplace app. */
    MARKETPLACE_APP("04", "Marketplace app"),
    /** {@code 05}: voice app. */
    VOICE_APP("05", "Voice app"),
    /** {@code 06}: biometric app. */
    BIOMETRIC_APP("06", "Biometric app"),
    /** A code not in the specification; see the raw code. */
    UNRECOGNISED("", "Unrecognised token user type");

    private final String code;
    private final String description;

    TokenUserType(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The two-digit code as on the wire.
     *
     * @return e.g. {@code "03"}; empty for {@link #UNRECOGNISED}
     */
    public String code() {
        return code;
    }

    /**
     * What the type means.
     *
     * @return e.g. {@code "Mobile application"}
     */
    public String description() {
        return description;
    }

    /**
     * The type for a code. A single digit is read as its two-digit form ({@code "3"} is {@code "03"}), as the
     * field may be 1–2 characters long.
     *
     * @param code the code as on the wire (surrounding blanks ignored), or {@code null}
     * @return the type, or {@link #UNRECOGNISED} for anything else
     */
    public static TokenUserType fromCode(String code) {
        if (code != null) {
            String c = code.strip();
            if (c.length() == 1) {
                c = "0" + c;
            }
            for (TokenUserType t : values()) {
                if (t != UNRECOGNISED && t.code.equals(c)) {
                    return t;
                }
            }
        }
        return UNRECOGNISED;
    }
}
