package io.github.walletdevice.thredd;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.Optional;

/**
 * A date-time as Thredd sent it (GMT), with the instant it stands for when its format is known.
 *
 * <p>Thredd's documentation is inconsistent about the format (the pattern {@code YYYY-MM-DD HHMMSS} is given
 * with a length of 19, and sibling services use other layouts), so every documented layout is accepted, read as
 * UTC: {@code 2024-03-05 101112}, {@code 2024-03-05 10:11:12}, {@code 2024-03-05T10:11:12} (optionally with a
 * fraction and a {@code Z} or offset), {@code 05/03/2024 10:11:12}, {@code 2024-03-05101112}, and a bare date
 * {@code 2024-03-05} (midnight). Anything else keeps its {@link #raw()} text and has no {@link #instant()}.
 */
public final class ThreddDateTime {
    // The accepted layouts, tried in this order; each is tried only when the text has its shape (see toInstant).
    private static final DateTimeFormatter COMPACT_TIME = pattern("uuuu-MM-dd HHmmss");
    private static final DateTimeFormatter COLON_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST = pattern("dd/MM/uuuu HH:mm:ss");
    private static final DateTimeFormatter NO_SEPARATOR = pattern("uuuu-MM-ddHHmmss");

    private static final DateTimeFormatter DOCUMENTED = pattern("uuuu-MM-dd HH:mm:ss");

    private final String raw;
    private final Instant instant;

    /** The empty value ({@code ""}, no instant): what a builder starts from and what an empty element reads as. */
    static final ThreddDateTime EMPTY = new ThreddDateTime("", null);

    private ThreddDateTime(String raw, Instant instant) {
        this.raw = raw;
        this.instant = instant;
    }

    /**
     * Reads a date-time as Thredd sent it.
     *
     * @param raw the text of the element (surrounding blanks ignored for parsing, kept in {@link #raw()})
     * @return the value; its {@link #instant()} is empty when the layout is not one of the documented ones
     */
    public static ThreddDateTime parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.isEmpty()) {
            return EMPTY;
        }
        return new ThreddDateTime(raw, toInstant(raw.strip()));
    }

    /**
     * A value for an instant, written as Thredd documents it ({@code yyyy-MM-dd HH:mm:ss}, GMT).
     *
     * @param instant the instant (fractions of a second are dropped)
     * @return the value
     */
    public static ThreddDateTime of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0);
        return new ThreddDateTime(DOCUMENTED.format(t), t.toInstant(ZoneOffset.UTC));
    }

    /**
     * The instant of a stripped text, or {@code null}. Each layout is tried only when the text has its shape, a
     * condition every text the layout accepts meets (the year may have more than 4 digits and a sign, so positions
     * in the date are counted from the separator or the end): text of no documented shape is refused without
     * parsing, and a layout's parser throws only for text of its shape with values out of range. The layouts are
     * tried in the order they always were, so the result is the same as trying each in turn.
     */
    private static Instant toInstant(String s) {
        int n = s.length();
        // No layout is shorter than a bare date with a 4-digit year.
        if (n < 10) {
            return null;
        }
        // uuuu-MM-dd HHmmss: "-MM-dd HHmmss" after the year.
        if (n >= 17 && s.charAt(n - 7) == ' ' && s.charAt(n - 10) == '-' && s.charAt(n - 13) == '-') {
            Instant i = local(s, COMPACT_TIME);
            if (i != null) {
                return i;
            }
        }
        // uuuu-MM-dd HH:mm:ss[.fraction]: "-MM-dd HH:mm:ss" around the first space (the year has none).
        int space = s.indexOf(' ');
        if (space >= 10 && n >= space + 9 && isDate(s, space) && s.charAt(space + 3) == ':'
                && s.charAt(space + 6) == ':') {
            Instant i = local(s, COLON_TIME);
            if (i != null) {
                return i;
            }
        }
        // ISO: "-MM-ddTHH:mm" around the first T (either case: the ISO parsers ignore case), then an offset or not.
        int t = indexOfT(s);
        boolean iso = t >= 10 && n >= t + 6 && isDate(s, t) && s.charAt(t + 3) == ':';
        if (iso) {
            Instant i = local(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (i != null) {
                return i;
            }
        }
        // dd/MM/uuuu HH:mm:ss
        if (n >= 19 && s.charAt(2) == '/' && s.charAt(5) == '/') {
            Instant i = local(s, DAY_FIRST);
            if (i != null) {
                return i;
            }
        }
        // uuuu-MM-ddHHmmss: "-MM-ddHHmmss" after the year.
        if (n >= 16 && s.charAt(n - 9) == '-' && s.charAt(n - 12) == '-') {
            Instant i = local(s, NO_SEPARATOR);
            if (i != null) {
                return i;
            }
        }
        if (iso) {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // of the shape, not a valid date-time with an offset
            }
        }
        // uuuu-MM-dd: "-MM-dd" at the end.
        if (isDate(s, n)) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // of the shape, not a valid date
            }
        }
        return null;
    }

    /** Whether the text has {@code -MM-dd}'s separators just before {@code end}, after a year of 4 or more. */
    private static boolean isDate(String s, int end) {
        return end >= 10 && s.charAt(end - 3) == '-' && s.charAt(end - 6) == '-';
    }

    private static int indexOfT(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'T' || c == 't') {
                return i;
            }
        }
        return -1;
    }

    /** The text in a layout without an offset, read as UTC, or {@code null} when it is not valid in it. */
    private static Instant local(String s, DateTimeFormatter f) {
        try {
            return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The text exactly as received.
     *
     * @return the raw text
     */
    public String raw() {
        return raw;
    }

    /**
     * The instant, when the text is in a documented layout.
     *
     * @return the instant (read as GMT), or empty
     */
    public Optional<Instant> instant() {
        return Optional.ofNullable(instant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreddDateTime d && raw.equals(d.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    /** The instant in ISO-8601 when known, else the raw text in quotes. */
    @Override
    public String toString() {
        return instant != null ? instant.toString() : "\"" + raw + "\"";
    }
}
