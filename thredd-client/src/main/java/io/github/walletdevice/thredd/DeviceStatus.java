package io.github.walletdevice.thredd;

/**
 * A device's status, on Thredd's system ({@code GPSDeviceStatus}) or on the payment network
 * ({@code NetDeviceStatus}). {@link #UNRECOGNISED} stands for a letter this version does not know; the raw letter
 * is kept by {@link TokenDevice}.
 */
public enum DeviceStatus {
    /** {@code A}: active. */
    ACTIVE("A", "Active"),
    /** {@code D}: deleted; once in this status it is normally never changed. */
    DELETED("D", "Deleted"),
    /** {@code I}: inactive. */
    INACTIVE("I", "Inactive"),
    /** {@code N}: not tokenised. */
    NOT_TOKENISED("N", "Not tokenised"),
    /** {@code P}: pending. */
    PENDING("P", "Pending"),
    /** {@code S}: suspended. */
    SUSPENDED("S", "Suspended"),
    /** {@code U}: the status Thredd itself reports as unknown (not to be confused with {@link #UNRECOGNISED}). */
    UNKNOWN("U", "Unknown"),
    /** {@code X}: deactivated. */
    DEACTIVATED("X", "Deactivated"),
    /** A letter not in the specification; see the raw code. */
    UNRECOGNISED("", "Unrecognised status");

    private final String code;
    private final String description;

    DeviceStatus(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The letter as on the wire.
     *
     * @return e.g. {@code "A"}; empty for {@link #UNRECOGNISED}
     */
    public String code() {
        return code;
    }

    /**
     * What the status means.
     *
     * @return e.g. {@code "Active"}
     */
    public String description() {
        return description;
    }

    /**
     * The status for a letter.
     *
     * @param code the letter as on the wire (surrounding blanks ignored), or {@code null}
     * @return the status, or {@link #UNRECOGNISED} for anything else
     */
    public static DeviceStatus fromCode(String code) {
        if (code != null) {
            String c = code.strip();
            for (DeviceStatus s : values()) {
                if (s != UNRECOGNISED && s.code.equals(c)) {
                    return s;
                }
            }
        }
        return UNRECOGNISED;
    }
}
