package io.github.walletdevice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class FieldsTest {

    private static ValidationException invalid(Runnable r) {
        return catchThrowableOfType(ValidationException.class, r::run);
    }

    @Test
    void validValuesAreReturnedAsIs() {
        assertThat(Fields.required("issuerId", "ISS1")).isEqualTo("ISS1");
        assertThat(Fields.length("cardId", "C", 1, 48)).isEqualTo("C");
        assertThat(Fields.optionalLength("purchaseId", null, 1, 64)).isNull();
        assertThat(Fields.digits("WSID", "1234567890123456789", 1, 19, Sensitivity.PLAIN))
                .isEqualTo("1234567890123456789");
        assertThat(Fields.alphanumeric("IssCode", "AB12", 1, 4, Sensitivity.PLAIN)).isEqualTo("AB12");
        assertThat(Fields.hex("idm", "0123456789abcDEF", 16)).isEqualTo("0123456789abcDEF");
        assertThat(Fields.hexBytes("response", "0AFF", 510)).isEqualTo("0AFF");
        assertThat(Fields.range("DeviceIndex", 3, 1, 3)).isEqualTo(3);
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String sixteen = "A".repeat(15) + emoji;
        assertThat(Fields.length("issuerId", sixteen, 1, 16)).isEqualTo(sixteen);
        assertThat(Fields.characters(sixteen)).isEqualTo(16);
        ValidationException e = invalid(() -> Fields.length("issuerId", sixteen + emoji, 1, 16));
        assertThat(e.rule()).contains("(it has 17)");
    }

    @Test
    void requiredNamesTheFieldAndSaysItIsMissing() {
        ValidationException e = invalid(() -> Fields.required("issuerId", null));
        assertThat(e.field()).isEqualTo("issuerId");
        assertThat(e.rule()).isEqualTo("present");
        assertThat(e.shownValue()).isNull();
        assertThat(e.getMessage()).contains("issuerId", "missing", "Nothing was sent");
    }

    @Test
    void lengthNamesFieldRuleAndValue() {
        ValidationException tooLong = invalid(() -> Fields.length("issuerId", "ABCDEFGHIJKLMNOPQ", 1, 16));
        assertThat(tooLong.field()).isEqualTo("issuerId");
        assertThat(tooLong.rule()).contains("1-16 characters", "17");
        assertThat(tooLong.getMessage()).contains("issuerId", "1-16 characters long", "\"ABCDEFGHIJKLMNOPQ\"");

        ValidationException empty = invalid(() -> Fields.length("cardId", "", 1, 48));
        assertThat(empty.rule()).contains("1-48");
        ValidationException exact = invalid(() -> Fields.length("Func", "1", 2, 2));
        assertThat(exact.rule()).contains("exactly 2 characters");
        assertThat(invalid(() -> Fields.length("cardId", null, 1, 48)).rule()).isEqualTo("present");
        assertThat(invalid(() -> Fields.optionalLength("purchaseId", "", 1, 64)).field()).isEqualTo("purchaseId");
    }

    @Test
    void digitsRejectsNonDigitsAndNamesTheRule() {
        ValidationException e = invalid(() -> Fields.digits("WSID", "12a4", 1, 19, Sensitivity.PLAIN));
        assertThat(e.rule()).contains("digits 0-9 only");
        assertThat(e.shownValue()).isEqualTo("12a4");
        // Non-ASCII digits are not digits here.
        assertThat(invalid(() -> Fields.digits("WSID", "١٢٣", 1, 19, Sensitivity.PLAIN))).isNotNull();
        assertThat(invalid(() -> Fields.digits("WSID", "12345678901234567890", 1, 19, Sensitivity.PLAIN))
                .rule()).contains("1-19");
    }

    @Test
    void panValuesAreShownMaskedInTheMessage() {
        String dpan = "41111111111111x1";
        ValidationException e = invalid(() -> Fields.digits("DPAN", dpan, 16, 19, Sensitivity.PAN));
        assertThat(e.shownValue()).isEqualTo("411111******11x1");
        assertThat(e.getMessage()).doesNotContain(dpan).contains("DPAN", "digits 0-9 only", "411111******11x1");
    }

    @Test
    void secretValuesAreNeverShown() {
        ValidationException e = invalid(() -> Fields.length("strPassword", "hunter2-but-much-too-long", 1, 8,
                Sensitivity.SECRET));
        assertThat(e.shownValue()).isEqualTo(Redactor.SECRET_MASK);
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("strPassword", "1-8 characters");
        assertThat(e.rule()).doesNotContain("hunter2");
    }

    @Test
    void alphanumericRejectsOtherCharacters() {
        ValidationException e = invalid(() -> Fields.alphanumeric("IssCode", "A-1", 1, 4, Sensitivity.PLAIN));
        assertThat(e.rule()).contains("letters", "digits");
        assertThat(e.getMessage()).contains("\"A-1\"");
        assertThat(invalid(() -> Fields.alphanumeric("IssCode", "ÄB", 1, 4, Sensitivity.PLAIN))).isNotNull();
    }

    @Test
    void hexChecksDigitsAndExactLength() {
        assertThat(invalid(() -> Fields.hex("idm", "0123456789ABCDEG", 16)).rule())
                .isEqualTo("exactly 16 hexadecimal digits");
        assertThat(invalid(() -> Fields.hex("idm", "0123", 16)).shownValue()).isEqualTo("0123");
        assertThat(invalid(() -> Fields.hex("idm", null, 16)).rule()).isEqualTo("present");
    }

    @Test
    void hexBytesNeedsAnEvenCountWithinTheLimitAndTruncatesLongValues() {
        assertThat(invalid(() -> Fields.hexBytes("command", "ABC", 10)).rule()).contains("even number");
        assertThat(invalid(() -> Fields.hexBytes("command", "", 10))).isNotNull();
        assertThat(invalid(() -> Fields.hexBytes("command", "ZZ", 10))).isNotNull();
        String huge = "A".repeat(1001);
        ValidationException e = invalid(() -> Fields.hexBytes("command", huge, 1000));
        assertThat(e.shownValue()).hasSizeLessThan(100).contains("more chars");
    }

    @Test
    void hexAcceptsOnlyAsciiHexDigits() {
        // Arabic-Indic zero and six, then two fullwidth zeros: Character.digit(c, 16) takes all four as digits.
        String nonAscii = "\u0660\u0666\uFF10\uFF10";
        assertThat(invalid(() -> Fields.hex("idm", nonAscii, 4)).rule()).isEqualTo("exactly 4 hexadecimal digits");
        assertThat(invalid(() -> Fields.hexBytes("command", nonAscii, 10)).rule()).contains("hexadecimal digits");
        assertThat(Fields.hex("idm", "09afAF", 6)).isEqualTo("09afAF");
        assertThat(Fields.hexBytes("command", "09afAF", 6)).isEqualTo("09afAF");
    }

    @Test
    void rangeNamesTheBounds() {
        ValidationException e = invalid(() -> Fields.range("DeviceIndex", 4, 1, 3));
        assertThat(e.rule()).isEqualTo("between 1 and 3");
        assertThat(e.shownValue()).isEqualTo("4");
        assertThatThrownBy(() -> Fields.range("DeviceIndex", 0, 1, 3)).isInstanceOf(ValidationException.class);
    }

    @Test
    void validationExceptionIsAWalletDeviceException() {
        assertThat(invalid(() -> Fields.required("x", null))).isInstanceOf(WalletDeviceException.class);
    }

    @Test
    void aMessageShowsControlCharactersAsEscapesSoItStaysOneLine() {
        ValidationException e = invalid(() -> Fields.alphanumeric("PaymentTokenId", "PTK00000000123\n", 1, 20,
                Sensitivity.PLAIN));
        assertThat(e.getMessage()).doesNotContain("\n").contains("PTK00000000123\\u000A");
        assertThat(e.shownValue()).isEqualTo("PTK00000000123\n");
    }
}
