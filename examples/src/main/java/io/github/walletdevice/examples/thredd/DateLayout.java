package io.github.walletdevice.examples.thredd;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the simulated Thredd writes {@code DeviceBindDate} and {@code DeviceStatusDate} (GMT). Thredd's specification
 * names the layout "YYYY-MM-DD HHMMSS" with a length of 19, which disagree (that layout has 17 characters), and its
 * other APIs show other layouts for the same dates; each one is writable here so that a client can be tested
 * against all of them.
 */
public enum DateLayout {
    /** {@code 2024-03-05 10:11:12}: 19 characters, as the specification's length says (the default). */
    SPACED_COLONS("yyyy-MM-dd HH:mm:ss"),
    /** {@code 2024-03-05 101112}: the specification's layout as written. */
    SPEC_AS_WRITTEN("yyyy-MM-dd HHmmss"),
    /** {@code 2024-03-05T10:11:12}: ISO 8601 without a zone. */
    ISO_LOCAL("yyyy-MM-dd'T'HH:mm:ss"),
    /** {@code 05/03/2024 10:11:12}: as Thredd's REST Cards API shows the same dates. */
    DAY_FIRST("dd/MM/yyyy HH:mm:ss"),
    /** {@code 2024-03-05101112}: as {@code Ws_Payment_Token_Get} writes {@code Tokenised_Datetime}. */
    RUN_TOGETHER("yyyy-MM-ddHHmmss");

    private final DateTimeFormatter format;

    DateLayout(String pattern) {
        this.format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }

    /**
     * A time in this layout, in GMT.
     *
     * @param time the time
     * @return the text
     */
    public String format(Instant time) {
        return format.format(time);
    }
}
