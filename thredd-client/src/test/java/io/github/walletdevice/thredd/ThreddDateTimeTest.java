package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

    @org.junit.jupiter.api.Test
    void ofWritesTheDocumentedLayoutWithoutFractions() {
        ThreddDateTime t = ThreddDateTime.of(Instant.parse("2024-03-05T10:11:12.987Z"));
        assertThat(t.raw()).isEqualTo("2024-03-05 10:11:12");
        assertThat(t.instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
        assertThat(t).isEqualTo(ThreddDateTime.parse("2024-03-05 10:11:12")).hasToString("2024-03-05T10:11:12Z");
    }
}
