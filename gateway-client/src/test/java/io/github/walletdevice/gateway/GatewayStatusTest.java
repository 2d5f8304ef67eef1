package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GatewayStatusTest {

    @Test
    void holdsExactlyTheSpecsTwentySixCodes() {
        assertThat(Arrays.stream(GatewayStatus.values()).map(GatewayStatus::code))
                .containsExactly(0, 111, 112, 113, 117, 118, 119, 159, 160, 162, 163, 167, 172, 173, 177, 178, 191,
                        192, 221, 231, 232, 321, 322, 323, 911, 921);
    }

    @Test
    void keepsTheSpecsWording() {
        assertThat(GatewayStatus.INSUFFICIENT_BALANCE.description()).isEqualTo("Card has unsufficient balance");
        assertThat(GatewayStatus.OPERATION_ALREADY_ONGOING.description())
                .isEqualTo("Operation already on-going for this device");
        assertThat(GatewayStatus.DEVICE_NOT_ACCESSIBLE.description())
                .isEqualTo("Device or wallet server not accessible");
    }

    @Test
    void groupsTheCodesIntoCategories() {
        Map<StatusCategory, String> byCategory = new TreeMap<>(Arrays.stream(GatewayStatus.values()).collect(
                Collectors.groupingBy(GatewayStatus::category,
                        Collectors.mapping(s -> Integer.toString(s.code()), Collectors.joining(" ")))));
        assertThat(byCategory).containsExactly(
                Map.entry(StatusCategory.SUCCESS, "0"),
                Map.entry(StatusCategory.REQUEST_ERROR, "111 112 113 117 118 119"),
                Map.entry(StatusCategory.CARD_ERROR, "159 160 162 163 167 172 173 177 178 191 192"),
                Map.entry(StatusCategory.DEVICE_ERROR, "221 231 232"),
                Map.entry(StatusCategory.OPERATION_ERROR, "321 322 323 911"),
                Map.entry(StatusCategory.SERVER_ERROR, "921"));
    }

    @ParameterizedTest
    @EnumSource(GatewayStatus.class)
    void everyCodeIsFoundByItsNumber(GatewayStatus status) {
        assertThat(GatewayStatus.fromCode(status.code())).contains(status);
        StatusCode code = StatusCode.of(status.code());
        assertThat(code.status()).contains(status);
        assertThat(code.isKnown()).isTrue();
        assertThat(code.category()).isEqualTo(status.category());
        assertThat(code.description()).isEqualTo(status.description());
        assertThat(code.is(status)).isTrue();
        assertThat(status.statusCode()).isEqualTo(code);
        assertThat(code.isOk()).isEqualTo(status == GatewayStatus.OK);
    }

    @Test
    void anUnknownCodeIsCarriedNotLost() {
        StatusCode code = StatusCode.of(555);
        assertThat(code.code()).isEqualTo(555);
        assertThat(code.status()).isEmpty();
        assertThat(code.isKnown()).isFalse();
        assertThat(code.isOk()).isFalse();
        assertThat(code.category()).isEqualTo(StatusCategory.UNKNOWN);
        assertThat(code.description()).isEqualTo("Unknown status code 555");
        assertThat(code).hasToString("555 (Unknown status code 555)");
        assertThat(EnumSet.allOf(GatewayStatus.class)).noneMatch(code::is);
    }

    @Test
    void okIsShared() {
        assertThat(StatusCode.of(0)).isSameAs(StatusCode.OK);
        assertThat(StatusCode.of(GatewayStatus.OK)).isSameAs(StatusCode.OK);
    }
}
