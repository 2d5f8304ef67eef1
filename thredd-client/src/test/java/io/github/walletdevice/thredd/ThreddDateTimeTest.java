package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThreddDateTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-05 101112           | 2024-03-05T10:11:12Z",
        "2024-03-05 10:11:12         | 2024-03-05T10:11:12Z",
        "2024-03-05 10:11:12.250     | 2024-03-05T10:11:12.250Z",
        "2024-03-05T10:11:12         | 2024-03-05T10:11:12Z",
        "2024-03-05T10:11:12.5       | 2024-03-05T10:11:12.500Z",
        "2024-03-05T10:11:12Z        | 2024-03-05T10:11:12Z",
        "2024-03-05T12:11:12+02:00   | 2024-03-05T10:11:12Z",
        "05/03/2024 10:11:12         | 2024-03-05T10:11:12Z",
        "2024-03-05101112            | 2024-03-05T10:11:12Z",
        "2024-03-05                  | 2024-03-05T00:00:00Z",
    })
    void everyDocumentedLayoutIsReadAsGmtAndTheRawTextIsKept(String raw, String expected) {
        ThreddDateTime t = ThreddDateTime.parse(raw);
        assertThat(t.raw()).isEqualTo(raw);
        assertThat(t.instant()).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "next tuesday", "2024-13-05 10:11:12", "2024-02-30 10:11:12", "31/12/2025",
        "2024-03-05 25:00:00"})
    void anythingElseKeepsItsTextWithoutAnInstant(String raw) {
        ThreddDateTime t = ThreddDateTime.parse(raw);
        assertThat(t.raw()).isEqualTo(raw);
        assertThat(t.instant()).isEmpty();
        assertThat(t.toString()).isEqualTo("\"" + raw + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2024-03-05 10:11:12 ", "\n2024-03-05 10:11:12\t"})
    void surroundingBlanksAreIgnoredForParsingButKeptInTheRawText(String raw) {
        ThreddDateTime t = ThreddDateTime.parse(raw);
        assertThat(t.raw()).isEqualTo(raw);
        assertThat(t.instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // uuuu-MM-dd HHmmss
        "2024-02-29 235959           | 2024-02-29T23:59:59Z",
        "+12024-03-05 101112         | +12024-03-05T10:11:12Z",
        "-2024-03-05 101112          | -2024-03-05T10:11:12Z",
        // uuuu-MM-dd HH:mm:ss with 1 to 9 fraction digits
        "2024-03-05 10:11:12.1       | 2024-03-05T10:11:12.100Z",
        "2024-03-05 10:11:12.123456789 | 2024-03-05T10:11:12.123456789Z",
        "+12024-03-05 10:11:12       | +12024-03-05T10:11:12Z",
        // ISO without an offset: a lower-case t, no seconds, a bare decimal point
        "2024-03-05t10:11:12         | 2024-03-05T10:11:12Z",
        "2024-03-05T10:11            | 2024-03-05T10:11:00Z",
        "2024-03-05T10:11:12.        | 2024-03-05T10:11:12Z",
        "2024-03-05T10:11:12.123456789 | 2024-03-05T10:11:12.123456789Z",
        // ISO with an offset: z in either case, offsets with and without minutes and seconds
        "2024-03-05t10:11:12z        | 2024-03-05T10:11:12Z",
        "2024-03-05T12:11:12+02      | 2024-03-05T10:11:12Z",
        "2024-03-05T08:11:12-02:00   | 2024-03-05T10:11:12Z",
        "2024-03-05T12:11:42+02:00:30 | 2024-03-05T10:11:12Z",
        "2024-03-05T10:11Z           | 2024-03-05T10:11:00Z",
        // dd/MM/uuuu HH:mm:ss
        "29/02/2024 23:59:59         | 2024-02-29T23:59:59Z",
        // uuuu-MM-ddHHmmss
        "2024-02-29235959            | 2024-02-29T23:59:59Z",
        // uuuu-MM-dd
        "2024-02-29                  | 2024-02-29T00:00:00Z",
        "+12024-03-05                | +12024-03-05T00:00:00Z",
    })
    void everyLayoutInEachOfItsForms(String raw, String expected) {
        assertThat(ThreddDateTime.parse(raw).instant()).contains(Instant.parse(expected));
        assertThat(Reference.instant(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {" ", "\t\n", "2024", "2024-03-0", "2024-3-05", "2024-03-5", "24-03-05", "12024-03-05",
        "2024-03-05 10", "2024-03-05 1011", "2024-03-05 1011123", "2024-03-05 10:11",
        "2024-03-05 10:11:12.", "2024-03-05 10:11:12.1234567891", "2024-03-05 10:11:12Z", "2024-03-05 10-11-12",
        "2024-03-05  10:11:12", "2024/03/05 10:11:12", "2024-03-05T", "2024-03-05T10", "2024-03-05T1011",
        "2024-03-05T10:11:12.1234567891", "2024-03-05T10:11:12+0200", "2024-03-05T24:00", "2024-03-05T10:11:60",
        "2024-03-05X10:11:12", "5/3/2024 10:11:12", "05/03/24 10:11:12", "05/03/2024", "05/03/2024 10:11",
        "05/03/2024T10:11:12", "05-03-2024 10:11:12", "2024-03-05101112Z", "2024-03-0510111", "2024-03-051011123",
        "20240305101112", "20240305", "2023-02-29", "2023-02-29 101112", "2024-04-31 10:11:12", "2024-00-10",
        "2024-03-05 24:00:00", "2024-03-05 10:11:60", "+2024-03-05", "2024-03-05 10:11:12 GMT",
        "2024-03-05T10:11:12 Z", "2024-03-05 T10:11:12", "２０２４-03-05", "2024-03-05 10:11:12\u0000"})
    void nearMissesAreRefusedAsBefore(String raw) {
        ThreddDateTime t = ThreddDateTime.parse(raw);
        assertThat(t.raw()).isEqualTo(raw);
        assertThat(t.instant()).isEmpty();
        assertThat(Reference.instant(raw)).isEmpty();
    }

    @Test
    void theEmptyTextIsOneSharedValue() {
        assertThat(ThreddDateTime.parse("")).isSameAs(ThreddDateTime.EMPTY).isSameAs(ThreddDateTime.parse(""));
        assertThat(ThreddDateTime.EMPTY.raw()).isEmpty();
        assertThat(ThreddDateTime.EMPTY.instant()).isEmpty();
        TokenDevice d = TokenDevice.builder().build();
        assertThat(d.deviceBindDate()).isSameAs(ThreddDateTime.EMPTY);
        assertThat(d.deviceStatusDate()).isSameAs(ThreddDateTime.EMPTY);
        assertThat(d).isEqualTo(TokenDevice.builder().deviceBindDate(ThreddDateTime.parse(""))
                .deviceStatusDate(ThreddDateTime.parse("")).build());
    }

    /**
     * Reads exactly what the former implementation (every layout tried in turn, each failure an exception) read,
     * for every layout and for thousands of texts one edit away from one: every character deleted, replaced by a
     * separator, a digit or a letter, or such a character inserted.
     */
    @Test
    void readsWhatTryingEveryLayoutInTurnRead() {
        List<String> seeds = List.of("2024-03-05 101112", "2024-03-05 10:11:12", "2024-03-05 10:11:12.250",
                "2024-03-05T10:11:12", "2024-03-05T10:11", "2024-03-05T10:11:12.5", "2024-03-05T10:11:12Z",
                "2024-03-05T12:11:12+02:00", "2024-03-05t12:11:12+02", "05/03/2024 10:11:12", "2024-03-05101112",
                "2024-03-05", "+12024-03-05 10:11:12", "-0001-12-31T23:59:59-01:30", "2024-02-29 23:59:59.123456789",
                "0000-00-00 00:00:00", "31/12/9999 23:59:59");
        String edits = " -:/.+TtZz019x";
        Set<String> texts = new LinkedHashSet<>();
        for (String seed : seeds) {
            texts.add(seed);
            for (int i = 0; i <= seed.length(); i++) {
                if (i < seed.length()) {
                    texts.add(seed.substring(0, i) + seed.substring(i + 1));
                    texts.add(seed.substring(0, i));
                    texts.add(seed.substring(i));
                }
                for (char c : edits.toCharArray()) {
                    texts.add(seed.substring(0, i) + c + seed.substring(i));
                    if (i < seed.length()) {
                        texts.add(seed.substring(0, i) + c + seed.substring(i + 1));
                    }
                }
            }
        }
        List<String> differing = new ArrayList<>();
        int read = 0;
        for (String text : texts) {
            Optional<Instant> now = ThreddDateTime.parse(text).instant();
            Optional<Instant> before = Reference.instant(text);
            if (!now.equals(before)) {
                differing.add("\"" + text + "\": " + now + " instead of " + before);
            }
            read += before.isPresent() ? 1 : 0;
        }
        assertThat(differing).isEmpty();
        // The texts are not all refused: the comparison covers every layout accepting as well as refusing.
        assertThat(read).isGreaterThan(200);
        assertThat(texts.size() - read).isGreaterThan(2000);
    }

    /**
     * Thredd's usual layouts, read from their digits, read what the layouts read: generated texts of their shapes,
     * in range and out of it (month 13, 30 February, 24:00, second 60), with a non-ASCII digit or another
     * separator now and then.
     */
    @Test
    void theUsualLayoutsReadFromTheirDigitsReadWhatTheLayoutsRead() {
        Random rnd = new Random(42L);
        String[] shapes = {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HHmmss"};
        int direct = 0;
        for (int i = 0; i < 20_000; i++) {
            String shape = shapes[rnd.nextInt(shapes.length)];
            StringBuilder sb = new StringBuilder();
            for (char c : shape.toCharArray()) {
                sb.append(Character.isLetter(c) && c != 'T' ? (char) ('0' + rnd.nextInt(10)) : c);
            }
            // Plausible values most of the time, so that valid texts are common too.
            if (rnd.nextInt(3) > 0) {
                sb.replace(0, 4, String.format("%04d", rnd.nextInt(3) == 0 ? rnd.nextInt(10_000) : 2000
                        + rnd.nextInt(30)));
                sb.replace(5, 7, String.format("%02d", 1 + rnd.nextInt(13)));
                sb.replace(8, 10, String.format("%02d", 1 + rnd.nextInt(31)));
                sb.replace(11, 13, String.format("%02d", rnd.nextInt(25)));
            }
            if (rnd.nextInt(20) == 0) {
                int at = rnd.nextInt(sb.length());
                String swaps = "\u0663:-/ tT0";
                sb.setCharAt(at, swaps.charAt(rnd.nextInt(swaps.length())));
            }
            String text = sb.toString();
            Instant quick = ThreddDateTime.fixedWidth(text);
            assertThat(Optional.ofNullable(quick).or(() -> Optional.ofNullable(ThreddDateTime.byLayouts(text))))
                    .as(text).isEqualTo(Reference.instant(text));
            if (quick != null) {
                direct++;
            }
        }
        assertThat(direct).isGreaterThan(3_000);
    }

    /** The former implementation, kept as the reference of what is accepted and what it stands for. */
    private static final class Reference {
        private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
                pattern("uuuu-MM-dd HHmmss"),
                new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
                        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                        .toFormatter().withResolverStyle(ResolverStyle.STRICT),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                pattern("dd/MM/uuuu HH:mm:ss"),
                pattern("uuuu-MM-ddHHmmss"));

        static Optional<Instant> instant(String raw) {
            return Optional.ofNullable(toInstant(raw.strip()));
        }

        private static Instant toInstant(String s) {
            for (DateTimeFormatter f : LOCAL_FORMATS) {
                try {
                    return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next layout
                }
            }
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // not ISO with an offset
            }
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static DateTimeFormatter pattern(String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        }
    }

    @Test
    void ofWritesTheDocumentedLayoutWithoutFractions() {
        ThreddDateTime t = ThreddDateTime.of(Instant.parse("2024-03-05T10:11:12.987Z"));
        assertThat(t.raw()).isEqualTo("2024-03-05 10:11:12");
        assertThat(t.instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
        assertThat(t).isEqualTo(ThreddDateTime.parse("2024-03-05 10:11:12")).hasToString("2024-03-05T10:11:12Z");
    }
}
