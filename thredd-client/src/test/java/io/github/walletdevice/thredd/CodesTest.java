package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodesTest {

    @ParameterizedTest
    @CsvSource({
        "000, SUCCESS", "210, INVALID_DPAN", "211, INVALID_PAYMENT_TOKEN_ID", "212, CARD_AND_TOKEN_MISMATCH",
        "214, NO_PAYMENT_TOKEN", "216, DPAN_OR_TOKEN_ID_REQUIRED", "217, INVALID_FUNC", "218, NO_DEVICES",
        "219, DEVICE_INDEX_NOT_IN_LIST", "220, DEVICE_ALREADY_UNBOUND", "221, DEVICE_INDEX_REQUIRED",
        "406, INVALID_ISS_CODE", "613, INVALID_WSID", "800, WSID_MISSING", "801, ISS_CODE_MISSING",
        "850, FUNC_MISSING", "868, DUPLICATE_WSID", "900, RESTRICTED_WEB_METHOD", "909, SYSTEM_MALFUNCTION",
        "997, USERNAME_MISSING", "998, PASSWORD_MISSING", "999, AUTHENTICATION_FAILED"
    })
    void theTokenDeviceSubsetOfActionCodesIsListed(String code, ActionCode expected) {
        assertThat(ActionCode.fromCode(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
        assertThat(ActionCode.meaningOf(code)).isEqualTo(expected.meaning()).isNotBlank();
    }

    @Test
    void codesAreUniqueAndThreeDigits() {
        assertThat(Arrays.stream(ActionCode.values()).filter(a -> a != ActionCode.UNRECOGNISED)
                .map(ActionCode::code).collect(Collectors.toSet()))
                .hasSize(ActionCode.values().length - 1)
                .allMatch(c -> c.matches("[0-9]{3}"));
    }

    @Test
    void anUnlistedCodeIsUnrecognisedButStillExplainedByItsRange() {
        assertThat(ActionCode.fromCode("402")).isEqualTo(ActionCode.UNRECOGNISED);
        assertThat(ActionCode.meaningOf("402")).startsWith("Address or delivery details").contains("402");
        assertThat(ActionCode.meaningOf("825")).startsWith("Mandatory field missing");
        assertThat(ActionCode.meaningOf("123")).contains("Unrecognised action code \"123\"");
        assertThat(ActionCode.meaningOf("ABC")).contains("\"ABC\"");
        assertThat(ActionCode.meaningOf(null)).contains("Unrecognised");
        assertThat(ActionCode.fromCode(" 219 ")).isEqualTo(ActionCode.DEVICE_INDEX_NOT_IN_LIST);
        assertThat(ActionCode.SUCCESS.isSuccess()).isTrue();
        assertThat(ActionCode.NO_DEVICES.isSuccess()).isFalse();
    }

    @Test
    void deviceStatusesAreTheEightLettersAndAnythingElseIsUnrecognised() {
        assertThat("ADINPSUX".chars().mapToObj(c -> DeviceStatus.fromCode(String.valueOf((char) c))))
                .containsExactly(DeviceStatus.ACTIVE, DeviceStatus.DELETED, DeviceStatus.INACTIVE,
                        DeviceStatus.NOT_TOKENISED, DeviceStatus.PENDING, DeviceStatus.SUSPENDED,
                        DeviceStatus.UNKNOWN, DeviceStatus.DEACTIVATED);
        assertThat(DeviceStatus.fromCode("Q")).isEqualTo(DeviceStatus.UNRECOGNISED);
        assertThat(DeviceStatus.fromCode("a")).isEqualTo(DeviceStatus.UNRECOGNISED);
        assertThat(DeviceStatus.fromCode("")).isEqualTo(DeviceStatus.UNRECOGNISED);
        assertThat(DeviceStatus.fromCode(null)).isEqualTo(DeviceStatus.UNRECOGNISED);
        assertThat(DeviceStatus.UNKNOWN.description()).isEqualTo("Unknown");
    }

    @Test
    void tokenUserTypesAreZeroToSixAndAnythingElseIsUnrecognised() {
        assertThat(TokenUserType.fromCode("00")).isEqualTo(TokenUserType.UNKNOWN);
        assertThat(TokenUserType.fromCode("03")).isEqualTo(TokenUserType.MOBILE_APPLICATION);
        assertThat(TokenUserType.fromCode("3")).isEqualTo(TokenUserType.MOBILE_APPLICATION);
        assertThat(TokenUserType.fromCode("06")).isEqualTo(TokenUserType.BIOMETRIC_APP);
        assertThat(TokenUserType.fromCode("07")).isEqualTo(TokenUserType.UNRECOGNISED);
        assertThat(TokenUserType.fromCode("9")).isEqualTo(TokenUserType.UNRECOGNISED);
        assertThat(TokenUserType.fromCode(null)).isEqualTo(TokenUserType.UNRECOGNISED);
    }

    @Test
    void soapVersionsHaveTheirLabelsAndNamespaces() {
        assertThat(SoapVersion.of("1.1")).isEqualTo(SoapVersion.SOAP_1_1);
        assertThat(SoapVersion.of("1.2").envelopeNamespace()).isEqualTo(Fixtures.SOAP12);
        assertThat(SoapVersion.SOAP_1_1.envelopeNamespace()).isEqualTo(Fixtures.SOAP11);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SoapVersion.of("2")).isInstanceOfSatisfying(
                io.github.walletdevice.core.ValidationException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("soapVersion"));
    }
}
