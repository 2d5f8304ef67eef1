package io.github.walletdevice.thredd;

import java.text.ParsePosition;
import java.time.DateTimeException;
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
import java.util.List;
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
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            pattern("uuuu-MM-dd HHmmss"),
            new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                    .toFormatter().withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            pattern("dd/MM/uuuu HH:mm:ss"),
            pattern("uuuu-MM-ddHHmmss"));

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
     * The instant of a stripped text, or {@code null}: Thredd's usual layouts read directly ({@link #fixedWidth}),
     * any other text as {@link #byLayouts} reads it.
     */
    private static Instant toInstant(String s) {
        Instant quick = fixedWidth(s);
        return quick != null ? quick : byLayouts(s);
    }

    /**
     * The instant of a text in one of the first three layouts without a fraction ({@code 2024-03-05 101112},
     * {@code 2024-03-05 10:11:12}, {@code 2024-03-05T10:11:12}: what Thredd sends), read from its ASCII digits;
     * null for any other text and for values out of range, which {@link #byLayouts} then reads as always. No earlier
     * layout has these shapes, and each is read strictly, so a valid one stands for exactly this instant.
     */
    static Instant fixedWidth(String s) {
        int len = s.length();
        boolean colons;
        if (len == 19 && (s.charAt(10) == ' ' || s.charAt(10) == 'T') && s.charAt(13) == ':'
                && s.charAt(16) == ':') {
            colons = true;
        } else if (len == 17 && s.charAt(10) == ' ') {
            colons = false;
        } else {
            return null;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int time = 11;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, time, 2);
        int minute = digits(s, colons ? time + 3 : time + 2, 2);
        int second = digits(s, colons ? time + 6 : time + 4, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1 if any is not one. */
    private static int digits(String s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The instant of a stripped text, or {@code null}: the layouts in order, then ISO with an offset, then a bare
     * date. A layout is parsed (and so may throw) only when the text has its shape, found by parsing without
     * resolving, which reports failure through its position instead of an exception: a valid date costs no
     * exception, and only text of a layout's shape with values out of range costs one.
     */
    static Instant byLayouts(String s) {
        for (DateTimeFormatter f : LOCAL_FORMATS) {
            if (hasLayout(s, f)) {
                Instant i = local(s, f);
                if (i != null) {
                    return i;
                }
            }
        }
        if (hasLayout(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // of the shape, not a valid date-time with an offset
            }
        }
        if (hasLayout(s, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // of the shape, not a valid date
            }
        }
        return null;
    }

    /** Whether the whole text parses in the layout, values not checked yet; never throws. */
    private static boolean hasLayout(String s, DateTimeFormatter f) {
        ParsePosition position = new ParsePosition(0);
        try {
            return f.parseUnresolved(s, position) != null && position.getErrorIndex() < 0
                    && position.getIndex() == s.length();
        } catch (DateTimeException e) {
            // The JDK's offset parser checks its range even here ("+99:00"): no valid text of the layout.
            return false;
        }
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
