package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written decimal check of device coordinates accepts exactly what the rule's regular expression does. */
class DecimalTextTest {
    /** The rule as a regular expression, which {@link DeviceFields#isDecimal} replaced on the hot path. */
    private static final Pattern RULE = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");

    @Test
    void everyShortTextOverTheInterestingCharactersIsJudgedAsTheRuleJudgesIt() {
        // Digits, the point, both signs, a letter, a space and a non-ASCII digit (which \d does not match).
        char[] alphabet = {'0', '7', '.', '+', '-', 'e', ' ', '\u0663'};
        List<String> texts = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= 5; length++) {
            List<String> next = new ArrayList<>();
            for (String p : previous) {
                for (char c : alphabet) {
                    next.add(p + c);
                }
            }
            texts.addAll(next);
            previous = next;
        }
        int accepted = 0;
        for (String t : texts) {
            boolean expected = RULE.matcher(t).matches();
            assertThat(DeviceFields.isDecimal(t)).as("'%s'", t).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(100);
    }

    @Test
    void theDigitLimitsOnEachSideOfThePointAreTheRule() {
        String twenty = "1".repeat(20);
        for (String t : List.of(twenty, twenty + "1", "-" + twenty + "." + twenty, twenty + "." + twenty + "1",
                "." + twenty, "." + twenty + "1", "+" + twenty + ".", twenty + "1.5", "51.5074", "-0.1278")) {
            assertThat(DeviceFields.isDecimal(t)).as(t).isEqualTo(RULE.matcher(t).matches());
        }
        assertThat(DeviceFields.isDecimal("51.5074")).isTrue();
        assertThat(DeviceFields.isDecimal(twenty + "1")).isFalse();
    }
}
