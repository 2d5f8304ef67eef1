package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.SystemCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidationTest {

    private static String chars(int n) {
        return "x".repeat(n);
    }

    private static CardCommandsRequest.Builder card() {
        return CardCommandsRequest.builder().issuerId("I").cardId("C").deviceId("D");
    }

    private static void rejects(Runnable build, String field, String valueShown) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.shownValue()).isEqualTo(valueShown);
            assertThat(e.getMessage()).contains(field).contains("Nothing was sent");
        });
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({"issuerId,16", "cardId,48", "purchaseId,64", "deviceId,48"})
    void identifiersAcceptTheirLimitsAndRejectOneMoreOrNone(String field, int max) {
        Map<String, Consumer<String>> set = Map.of(
                "issuerId", v -> card().issuerId(v).build(),
                "cardId", v -> card().cardId(v).build(),
                "purchaseId", v -> card().purchaseId(v).build(),
                "deviceId", v -> card().deviceId(v).build());
        set.get(field).accept(chars(1));
        set.get(field).accept(chars(max));
        rejects(() -> set.get(field).accept(chars(max + 1)), field, chars(max + 1));
        rejects(() -> set.get(field).accept(""), field, "");
    }

    @Test
    void requiredIdentifiersMustBePresent() {
        rejects(() -> CardCommandsRequest.builder().cardId("C").deviceId("D").build(), "issuerId", null);
        rejects(() -> CardCommandsRequest.builder().issuerId("I").deviceId("D").build(), "cardId", null);
        rejects(() -> CardCommandsRequest.builder().issuerId("I").cardId("C").build(), "deviceId", null);
        rejects(() -> ParkCardCommandsRequest.builder().issuerId("I").deviceId("D").build(), "cardId", null);
        rejects(() -> ReaderModeCommandsRequest.builder().issuerId("I").build(), "deviceId", null);
        assertThat(card().build().purchaseId()).isNull();
    }

    @Test
    void parkAndReaderModeApplyTheSameLimits() {
        rejects(() -> ParkCardCommandsRequest.builder().issuerId(chars(17)).cardId("C").deviceId("D").build(),
                "issuerId", chars(17));
        rejects(() -> ParkCardCommandsRequest.builder().issuerId("I").cardId(chars(49)).deviceId("D").build(),
                "cardId", chars(49));
        rejects(() -> ReaderModeCommandsRequest.builder().issuerId("I").deviceId(chars(49)).build(),
                "deviceId", chars(49));
    }

    @Test
    void readerModeHasNoCardIdAndParkNoPurchaseId() {
        List<String> reader = Arrays.stream(ReaderModeCommandsRequest.class.getRecordComponents())
                .map(c -> c.getName()).toList();
        List<String> park = Arrays.stream(ParkCardCommandsRequest.class.getRecordComponents())
                .map(c -> c.getName()).toList();
        assertThat(reader).doesNotContain("cardId", "purchaseId").contains("cardContents");
        assertThat(park).doesNotContain("purchaseId", "cardContents").contains("cardId");
        rejects(() -> ReaderModeCommandsRequest.builder().issuerId("I").deviceId("D").extension("cardId", "C")
                .build(), "getReaderModeCommands extension", "cardId");
        rejects(() -> ParkCardCommandsRequest.builder().issuerId("I").cardId("C").deviceId("D")
                .extension("purchaseId", "P").build(), "getParkCardCommands extension", "purchaseId");
    }

    @Test
    void responseTimeMustBeAFiniteNonNegativeNumber() {
        assertThat(card().responseTimeMs(0.0).build().responseTimeMs()).isZero();
        rejects(() -> card().responseTimeMs(-1.0).build(), "responseTimeMs", "-1.0");
        rejects(() -> card().responseTimeMs(Double.NaN).build(), "responseTimeMs", "NaN");
        rejects(() -> card().responseTimeMs(Double.POSITIVE_INFINITY).build(), "responseTimeMs", "Infinity");
    }

    @Test
    void commandsAndResponsesMustBeWholeBytesOfHexUpToAFrame() {
        assertThat(Command.of("1", "0a0c").command()).isEqualTo("0A0C");
        assertThat(Command.of("1", new byte[] {0x06, 0x00, (byte) 0xFF, (byte) 0xFF, 0x01, 0x00}).command())
                .isEqualTo("0600FFFF0100");
        assertThat(CommandResponse.of("1", "ab").frame()).containsExactly(0xAB);
        Command.of("1", "00".repeat(255));
        rejects(() -> Command.of("1", "00".repeat(256)), "commands[].command", "00".repeat(32) + "…(448 more chars)");
        rejects(() -> Command.of("1", "ABC"), "commands[].command", "ABC");
        rejects(() -> Command.of("1", "0G"), "commands[].command", "0G");
        rejects(() -> Command.of("1", ""), "commands[].command", "");
        rejects(() -> Command.of("", "00"), "commands[].commandId", "");
        rejects(() -> CommandResponse.of(null, "00"), "responses[].commandId", null);
        rejects(() -> CommandResponse.of("1", "XY"), "responses[].response", "XY");
    }

    /** Digits that Character.digit takes for hex but no TES or card means: Arabic-Indic and fullwidth forms. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0660\u0666\uFF10\uFF10\uFF26\uFF26", "\u0660\u0666", "0\uFF16", "0\uFF41",
        "\u0966\u0966", "0A\u09E6\u09E7"})
    void hexIsAsciiOnly(String hex) {
        rejects(() -> Command.of("1", hex), "commands[].command", hex);
        rejects(() -> CommandResponse.of("1", hex), "responses[].response", hex);
    }

    @Test
    void cardContentsHexIsAsciiOnly() {
        String fullwidthIdm = "\uFF10\uFF11" + "2E4CD4A1B2C3D4";
        rejects(() -> CardContents.builder().idm(fullwidthIdm).build(), "cardContents.idm", fullwidthIdm);
        rejects(() -> CardContents.builder().pmm("\u0661" + "00B4B428485D0FF").build(), "cardContents.pmm",
                "\u0661" + "00B4B428485D0FF");
        rejects(() -> CardContents.builder().systemCode("\u0660\u0660\u0660\u0663").build(),
                "cardContents.systemCode", "\u0660\u0660\u0660\u0663");
        rejects(() -> CardContents.builder().addArea("\uFF11\uFF10\uFF10\uFF10", "0000").build(),
                "cardContents.areaCodeList[].areaCode", "\uFF11\uFF10\uFF10\uFF10");
        rejects(() -> AreaCodeEntry.of("1000", "\uFF41\uFF42\uFF43\uFF44"),
                "cardContents.areaCodeList[].keyVersion", "\uFF41\uFF42\uFF43\uFF44");
    }

    @Test
    void cardContentsChecksEveryHexField() {
        CardContents c = CardContents.builder().cardServiceId("Test Service").systemCode(SystemCode.of(0xFE00))
                .idm("1122334455667788").pmm(Pmm.parse("0000000000000000"))
                .addArea(AreaCode.of(0x0100), KeyVersion.of(0x6745)).addArea("1000", "4567").build();
        assertThat(c.systemCode()).isEqualTo("FE00");
        assertThat(c.areaCodeList()).extracting(AreaCodeEntry::areaCode, AreaCodeEntry::keyVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0100", "6745"),
                        org.assertj.core.groups.Tuple.tuple("1000", "4567"));
        assertThat(CardContents.builder().build().areaCodeList()).isEmpty();
        rejects(() -> CardContents.builder().systemCode("FE0").build(), "cardContents.systemCode", "FE0");
        rejects(() -> CardContents.builder().idm("11223344556677").build(), "cardContents.idm", "11223344556677");
        rejects(() -> CardContents.builder().pmm("00000000000000ZZ").build(), "cardContents.pmm",
                "00000000000000ZZ");
        rejects(() -> CardContents.builder().addArea("100", "4567").build(),
                "cardContents.areaCodeList[].areaCode", "100");
        rejects(() -> CardContents.builder().addArea("1000", "45678").build(),
                "cardContents.areaCodeList[].keyVersion", "45678");
        rejects(() -> CardContents.builder().cardServiceId("").build(), "cardContents.cardServiceId", "");
    }

    @Test
    void extensionsMayNotReplaceModelledFields() {
        rejects(() -> card().extension("statusCode", 5).build(), "getCardCommands extension", "statusCode");
        rejects(() -> new Command("1", "00", Map.of("command", JsonNodeFactory.instance.textNode("x"))),
                "commands[] extension", "command");
        CardCommandsRequest r = card().extension("channel", "NFC").extension("retries", 2).build();
        assertThat(r.extensions()).containsOnlyKeys("channel", "retries");
        assertThat(r.extensions().get("retries").intValue()).isEqualTo(2);
    }

    @Test
    void extensionsAreCopiedSoTheModelStaysImmutable() {
        com.fasterxml.jackson.databind.node.ObjectNode node = JsonNodeFactory.instance.objectNode().put("a", 1);
        CardCommandsRequest r = card().extension("meta", node).build();
        node.put("a", 2);
        assertThat(r.extensions().get("meta").get("a").intValue()).isEqualTo(1);
        assertThatThrownBy(() -> r.extensions().put("x", node)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.responses().add(CommandResponse.of("1", "00")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nextRoundKeepsIdentityAndReplacesRoundFields() {
        CardCommandsRequest first = Fixtures.topUp().toBuilder().extension("trace", "t-1").build();
        CardCommandsRequest next = first.nextRound(List.of(CommandResponse.of("1", "0C07")), 1.5,
                StatusCode.of(GatewayStatus.DEVICE_OUT_OF_MEMORY), "full");
        assertThat(next).usingRecursiveComparison().ignoringFields("responses", "responseTimeMs", "statusCode",
                "statusMessage").isEqualTo(first);
        assertThat(next.responses()).extracting(CommandResponse::response).containsExactly("0C07");
        assertThat(next.responseTimeMs()).isEqualTo(1.5);
        assertThat(next.statusCode().code()).isEqualTo(232);
        assertThat(next.statusMessage()).isEqualTo("full");
    }

    @Test
    void operationIsAnOpenValue() {
        assertThat(Operation.of("TOPUP")).isSameAs(Operation.TOPUP);
        assertThat(Operation.of("BLOCK_AND_READ_CARD")).isSameAs(Operation.BLOCK_AND_READ_CARD);
        Operation custom = Operation.of("REFUND");
        assertThat(custom.value()).isEqualTo("REFUND");
        assertThat(custom).isEqualTo(Operation.of("REFUND")).hasSameHashCodeAs(Operation.of("REFUND"))
                .isNotEqualTo(Operation.TOPUP).hasToString("REFUND");
        rejects(() -> Operation.of(" "), "operation", " ");
        rejects(() -> Operation.of(null), "operation", null);
    }

    @Test
    void responseFactoriesCheckTheSpecsRules() {
        assertThat(ReaderModeCommandsResponse.completed(1500, "ACC-1").cardAccountId()).isEqualTo("ACC-1");
        rejects(() -> ReaderModeCommandsResponse.completed(1500, chars(49)), "cardAccountId", chars(49));
        rejects(() -> ReaderModeCommandsResponse.completed(1500, ""), "cardAccountId", "");
        rejects(() -> CardCommandsResponse.completed(-1), "balance", "-1");
        rejects(() -> CardCommandsResponse.failure(StatusCode.OK, null), "statusCode", "0 (OK)");
        rejects(() -> CardCommandsResponse.withCommands(List.of()), "commands", null);
        rejects(() -> new CardCommandsResponse(GatewayApi.CARD_COMMANDS, null, null, null, null, null, null),
                "statusCode", null);
        rejects(() -> new CardCommandsResponse(null, StatusCode.OK, null, null, null, null, null), "api", null);
        rejects(() -> CardCommandsResponse.completed(1).withApi(GatewayApi.READER_MODE_COMMANDS), "api",
                "getReaderModeCommands");
        assertThat(CardCommandsResponse.failure(StatusCode.of(162), null).statusMessage())
                .isEqualTo("Card has unsufficient balance");
    }

    @Test
    void toStringIsTidy() {
        String frame = "00".repeat(200);
        CardCommandsRequest r = Fixtures.topUp().nextRound(List.of(CommandResponse.of("1", frame)), 2.0,
                StatusCode.OK, null);
        assertThat(r.toString()).isEqualTo("CardCommandsRequest[issuerId=ISSUER01, cardId=CARD-0001, "
                + "deviceId=DEVICE-42, purchaseId=PURCHASE-1, operation=TOPUP, statusCode=0, responses=1, "
                + "responseTimeMs=2.0]");
        assertThat(Command.of("7", frame).toString()).startsWith("Command[7: 0000").contains("more chars")
                .hasSizeLessThan(80);
        assertThat(ReaderModeCommandsResponse.completed(10, "ACC").toString()).isEqualTo(
                "ReaderModeCommandsResponse[statusCode=0, statusMessage=OK, commands=0, balance=10, "
                        + "cardAccountId=ACC]");
    }
}
