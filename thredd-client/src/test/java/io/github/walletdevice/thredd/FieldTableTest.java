package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.walletdevice.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of Thredd's field table (type, minimum, maximum, and whether a request sends the field), read from one
 * table, {@code src/test/resources/spec/thredd-fields.csv}, copied from the spec; the client checks what it sends
 * exactly as the table says, no stricter. Response fields are read leniently (the SDK keeps what Thredd sends), so
 * only their presence in the table is pinned.
 */
class FieldTableTest {
    private static final String DPAN = "4111111111111111";

    /** One row of the table. */
    record Rule(String tag, String type, int min, int max, String request, String response) {
        @Override
        public String toString() {
            return tag + " " + type + " " + min + "-" + max + " (request: " + request + ")";
        }
    }

    static List<Rule> table() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = FieldTableTest.class.getResourceAsStream("/spec/thredd-fields.csv")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("tag,")) {
                    continue;
                }
                String[] c = line.split(",");
                rules.add(new Rule(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]), c[4], c[5]));
            }
        }
        return rules;
    }

    /** How the client takes each request field it validates from text. */
    private static final Map<String, Consumer<String>> SENT = Map.of(
            "WSID", v -> TokenDeviceRequest.checkWsid(Long.parseLong(v)),
            "IssCode", v -> new TokenDeviceRequest(Func.LIST, v, TokenRef.ofDpan(DPAN), null),
            "DPAN", TokenRef::ofDpan,
            "PaymentTokenID", TokenRef::ofPaymentTokenId,
            "DeviceIndex", v -> new TokenDeviceRequest(Func.UNBIND, "PMT", TokenRef.ofDpan(DPAN), v));

    static Stream<Rule> requestRules() throws IOException {
        // Func is a closed list (00, 01), an enum in the client; the others are free text within their rule.
        return table().stream().filter(r -> !r.request().equals("Omit") && !r.tag().equals("Func"));
    }

    private static boolean accepted(Rule rule, String value) {
        Throwable t = catchThrowable(() -> SENT.get(rule.tag()).accept(value));
        if (t == null) {
            return true;
        }
        // WSID is a Java long: text that is not one cannot even be given to the client.
        assertThat(t).as("%s %s", rule, value).isInstanceOfAny(ValidationException.class,
                NumberFormatException.class);
        if (t instanceof ValidationException v) {
            assertThat(v.field()).isIn(rule.tag(), "PaymentTokenId");
        }
        return false;
    }

    private static String of(String type, int length) {
        // Letters and digits mixed for AN, so that an AN field refusing letters or digits is caught.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(type.equals("N") || i % 2 == 0 ? (char) ('1' + i % 9) : (char) ('A' + i % 26));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestRules")
    void theClientChecksEachRequestFieldExactlyAsTheTableSays(Rule rule) {
        assertThat(SENT).as("a request field of the table the client does not check").containsKey(rule.tag());
        if (rule.tag().equals("WSID")) {
            // The table's N 1-19 allows 0 and every signed 64-bit value of up to 19 digits.
            assertThat(accepted(rule, "0")).isTrue();
            assertThat(accepted(rule, Long.toString(Long.MAX_VALUE))).isTrue();
            assertThat(accepted(rule, "1".repeat(rule.max() + 1))).isFalse();
            assertThat(accepted(rule, "-1")).isFalse();
            return;
        }
        assertThat(accepted(rule, of(rule.type(), rule.min()))).as("min length").isTrue();
        assertThat(accepted(rule, of(rule.type(), rule.max()))).as("max length").isTrue();
        assertThat(accepted(rule, of(rule.type(), rule.max() + 1))).as("max + 1").isFalse();
        assertThat(accepted(rule, of(rule.type(), rule.min() - 1))).as("min - 1").isFalse();
        if (rule.type().equals("AN")) {
            assertThat(accepted(rule, "A".repeat(rule.min()))).as("letters only").isTrue();
            assertThat(accepted(rule, "1".repeat(rule.min()))).as("digits only").isTrue();
            assertThat(accepted(rule, "-" + of("AN", rule.min() - 1))).as("not a letter or digit").isFalse();
            assertThat(accepted(rule, "\u00c9" + of("AN", rule.min() - 1))).as("a letter outside ASCII").isFalse();
        }
    }

    @Test
    void theConditionalFieldsAreRequiredExactlyWhenTheSpecSays() throws IOException {
        List<String> conditional = table().stream().filter(r -> r.request().equals("Conditional")).map(Rule::tag)
                .toList();
        assertThat(conditional).containsExactly("DPAN", "PaymentTokenID", "DeviceIndex");
        // DPAN or PaymentTokenID: at least one (action code 216 otherwise).
        assertThat(catchThrowable(() -> TokenRef.of(null, null))).isInstanceOf(ValidationException.class);
        assertThat(TokenRef.of(DPAN, "T1").paymentTokenId()).contains("T1");
        // DeviceIndex: "Func 01 only" - required to unbind (221), never sent with a list.
        assertThat(catchThrowable(() -> new TokenDeviceRequest(Func.UNBIND, "PMT", TokenRef.ofDpan(DPAN), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("DeviceIndex"));
        assertThat(catchThrowable(() -> new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofDpan(DPAN), "1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("DeviceIndex"));
    }

    @Test
    void funcIsTheTwoCodesOfTheSpecWithinItsRule() throws IOException {
        Rule func = table().stream().filter(r -> r.tag().equals("Func")).findFirst().orElseThrow();
        for (Func f : Func.values()) {
            assertThat(f.code.length()).isBetween(func.min(), func.max());
        }
        assertThat(Stream.of(Func.values()).map(f -> f.code)).containsExactly("00", "01");
    }

    @Test
    void theTableHoldsEveryFieldTheClientReadsOrWrites() throws IOException {
        List<String> tags = table().stream().map(Rule::tag).toList();
        assertThat(tags).containsAll(DeviceFields.FIELDS.stream().filter(f -> !f.equals("DeviceLongitude"))
                .toList());
        assertThat(tags).contains("WSID", "IssCode", "Func", "DPAN", "PaymentTokenID", "DeviceIndex", "ActionCode");
    }
}
