package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the specification is checked before anything is sent. */
class ValidationTest {
    private static final String DPAN = "4111111111111111";

    private final ScriptedTransport transport = ScriptedTransport.answering(200, Fixtures.read("action.xml")
            .replace("${ACTION}", "000"));
    private final ThreddClient client = ThreddClient.builder().endpoint("http://127.0.0.1:9/service.asmx")
            .credentials("user", "secret-pw").issCode("PMT").transport(transport).build();

    @AfterEach
    void close() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"411111111111111", "41111111111111111111", "4111-1111-1111-1111", "411111111111111\u00c9",
        "41111111111111\uD83D\uDE00", ""})
    void aDpanMustBe16To19LettersOrDigitsAndIsShownMasked(String dpan) {
        assertThatThrownBy(() -> TokenRef.ofDpan(dpan))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("DPAN");
                    if (dpan.length() >= 13) {
                        assertThat(e.getMessage()).doesNotContain(dpan).contains(dpan.substring(0, 6))
                                .contains(dpan.substring(dpan.length() - 4));
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111111111111111111"})
    void dpansOf16To19DigitsPass(String dpan) {
        assertThat(TokenRef.ofDpan(dpan).dpan()).contains(dpan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456789012345678901", "tok-1", "tok 1"})
    void aPaymentTokenIdMustBe1To20LettersAndDigits(String id) {
        assertThatThrownBy(() -> TokenRef.ofPaymentTokenId(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("PaymentTokenId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PTK-0000000012345678", "PTK0000000012345678\n", "123456789012345678901"})
    void anInvalidPaymentTokenIdIsShownMaskedAsInToString(String id) {
        assertThatThrownBy(() -> TokenRef.ofPaymentTokenId(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).doesNotContain(id.strip()).contains("****"));
    }

    @Test
    void atLeastOneOfDpanAndPaymentTokenIdIsRequired() {
        assertThatThrownBy(() -> TokenRef.of(null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("DPAN or PaymentTokenId");
        assertThatThrownBy(() -> client.tokenDevices().list(null)).isInstanceOf(ValidationException.class);
        TokenRef both = TokenRef.of(DPAN, "12345678901234567890");
        assertThat(both.dpan()).contains(DPAN);
        assertThat(both.paymentTokenId()).contains("12345678901234567890");
        assertThat(both.toString()).doesNotContain(DPAN).contains("411111******1111");
        assertThat(both).isEqualTo(TokenRef.of(DPAN, "12345678901234567890")).isNotEqualTo(TokenRef.ofDpan(DPAN));
        assertThat(transport.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PMTXX", "P-1", "P T"})
    void anIssCodeMustBe1To4LettersAndDigits(String issCode) {
        assertThatThrownBy(() -> client.tokenDevices().list(issCode, TokenRef.ofDpan(DPAN)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("IssCode"));
        assertThatThrownBy(() -> ThreddClient.builder().issCode(issCode)).isInstanceOf(ValidationException.class);
        assertThat(transport.requests).isEmpty();
    }

    // The spec types DeviceIndex (and the BoundDeviceIndex a list returns) AN 1-3.
    @ParameterizedTest
    @ValueSource(strings = {"", "1234", "AB12", "-1", " 1", "1 ", "A-1", "1.", "\uFF21", "\u0661", "\u00e91"})
    void aDeviceIndexMustBe1To3AsciiLettersAndDigits(String index) {
        assertThatThrownBy(() -> client.tokenDevices().unbind(TokenRef.ofDpan(DPAN), index))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("DeviceIndex");
                    if (!index.isEmpty() && index.length() <= 3) {
                        assertThat(e.rule()).contains("letters");
                    }
                });
        assertThat(transport.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "17", "999", "A1", "a", "Z9z", "00"})
    void deviceIndexesOf1To3LettersAndDigitsAreSent(String index) {
        assertThat(client.tokenDevices().unbind(TokenRef.ofDpan(DPAN), index).deviceIndex()).isEqualTo(index);
        assertThat(transport.body(0)).contains("<hyp:DeviceIndex>" + index + "</hyp:DeviceIndex>");
    }

    @Test
    void unbindRequiresADeviceIndex() {
        assertThatThrownBy(() -> client.tokenDevices().unbind(TokenRef.ofDpan(DPAN), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("DeviceIndex");
                    assertThat(e.getMessage()).contains("Nothing was sent");
                });
        assertThat(transport.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, Long.MIN_VALUE})
    void aWsidMustNotBeNegativeAndABadSupplierFailsBeforeSending(long wsid) {
        try (ThreddClient c = ThreddClient.builder().endpoint("http://127.0.0.1:9/")
                .credentials("user", "secret-pw").issCode("PMT").transport(transport).wsidSupplier(() -> wsid)
                .build()) {
            assertThatThrownBy(() -> c.tokenDevices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("WSID"));
        }
        assertThat(transport.requests).isEmpty();
    }

    @Test
    void theLargestWsidIsNineteenDigitsAndIsSent() {
        try (ThreddClient c = ThreddClient.builder().endpoint("http://127.0.0.1:9/")
                .credentials("user", "secret-pw").issCode("PMT").transport(transport)
                .wsidSupplier(() -> Long.MAX_VALUE).build()) {
            assertThat(c.tokenDevices().list(TokenRef.ofDpan(DPAN)).wsid()).isEqualTo(Long.MAX_VALUE);
        }
        assertThat(transport.body(0)).contains("<hyp:WSID>9223372036854775807</hyp:WSID>");
    }

    @Test
    void withoutADefaultIssCodeTheOperationsWithoutOneRefuseToSend() {
        try (ThreddClient c = ThreddClient.builder().endpoint("http://127.0.0.1:9/")
                .credentials("user", "secret-pw").transport(transport).build()) {
            assertThatThrownBy(() -> c.tokenDevices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("IssCode");
                        assertThat(e.getMessage()).contains("no default IssCode");
                    });
            assertThat(c.tokenDevices().list("PMT", TokenRef.ofDpan(DPAN)).actionCode())
                    .isEqualTo(ActionCode.SUCCESS);
        }
    }

    @Test
    void asyncVariantsReportValidationFailuresThroughTheFuture() {
        CompletableFuture<UnbindResult> f = client.tokenDevices().unbindAsync(TokenRef.ofDpan(DPAN), "a-b");
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ValidationException.class);
        assertThat(transport.requests).isEmpty();
    }

    @Test
    void theBuilderRefusesMissingOrBadSettingsNamingThem() {
        assertRefused(() -> ThreddClient.builder().credentials("u", "p").build(), "endpoint");
        assertRefused(() -> ThreddClient.builder().endpoint("https://h/").build(), "credentials");
        assertRefused(() -> ThreddClient.builder().endpoint("ftp://h/x"), "endpoint");
        assertRefused(() -> ThreddClient.builder().endpoint("/service.asmx"), "endpoint");
        assertRefused(() -> ThreddClient.builder().endpoint((String) null), "endpoint");
        assertRefused(() -> ThreddClient.builder().endpoint((java.net.URI) null), "endpoint");
        assertThat(assertRefused(() -> ThreddClient.builder().credentials(" ", "p"), "strUserName").getMessage())
                .contains("997");
        assertThat(assertRefused(() -> ThreddClient.builder().credentials("u", ""), "strPassword").getMessage())
                .contains("998");
        assertThat(assertRefused(() -> ThreddClient.builder().credentials("u", "p\u0000w"), "strPassword")
                .getMessage()).doesNotContain("p\u0000w");
        assertRefused(() -> ThreddClient.builder().credentials(null, "p"), "strUserName");
        assertRefused(() -> ThreddClient.builder().credentials("u", null), "strPassword");
        assertRefused(() -> ThreddClient.builder().credentials("u\u0000", "p"), "strUserName");
        assertRefused(() -> ThreddClient.builder().maxConcurrentRequests(0), "maxConcurrentRequests");
        assertRefused(() -> ThreddClient.builder().soapVersion(null), "soapVersion");
        assertRefused(() -> ThreddClient.builder().wsidSupplier(null), "wsidSupplier");
        assertRefused(() -> ThreddClient.builder().tokenIdElement(null), "tokenIdElement");
        assertRefused(() -> ThreddClient.builder().callTimeout(null), "callTimeout");
        assertRefused(() -> ThreddClient.builder().retryPolicy(null), "retryPolicy");
    }

    private static ValidationException assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                                     String field) {
        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, call);
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        return e;
    }

    @Test
    void aWsidOfZeroIsValidAsTheSpecSaysN119() {
        assertThat(TokenDeviceRequest.checkWsid(0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "DPAN0000ABCD1234", "abcdefghijklmnopqrs"})
    void aDpanIsAn16To19(String dpan) {
        assertThat(TokenRef.ofDpan(dpan).dpan()).contains(dpan);
    }
}
