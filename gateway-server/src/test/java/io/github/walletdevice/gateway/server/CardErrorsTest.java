package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.RequestSystemCodeResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.StatusFlag1;
import io.github.walletdevice.felica.StatusFlag2;
import io.github.walletdevice.felica.SystemCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card errors become the spec's codes, with the decoded reason. */
class CardErrorsTest {
    private static final Idm IDM = Idm.parse("012E4CD4A1B2C3D4");

    @ParameterizedTest(name = "status flag 2 {0} -> {1}")
    @CsvSource({"A6, 173", "A5, 173", "A7, 173", "A4, 177", "AE, 172", "70, 911", "A8, 911", "01, 911"})
    void statusFlagsBecomeTheSpecsCodes(String flag2, int code) {
        ReadWithoutEncryptionResponse refused = ReadWithoutEncryptionResponse.error(IDM, StatusFlag1.GLOBAL_ERROR,
                StatusFlag2.of(Integer.parseInt(flag2, 16)));
        GatewayFailure f = catchThrowableOfType(GatewayFailure.class,
                () -> CardErrors.checked(refused, "read the purse"));
        assertThat(f.status().code()).isEqualTo(code);
        assertThat(f.getMessage()).contains("read the purse").contains(flag2)
                .contains(StatusFlag2.of(Integer.parseInt(flag2, 16)).meaning());
    }

    @Test
    void successAndTheRewriteWarningPass() {
        ReadWithoutEncryptionResponse ok = ReadWithoutEncryptionResponse.success(IDM, List.of(new byte[16]));
        assertThat(CardErrors.checked(ok, "read")).isSameAs(ok);
        ReadWithoutEncryptionResponse warned = ReadWithoutEncryptionResponse.error(IDM, StatusFlag1.of(0x01),
                StatusFlag2.of(0x71));
        assertThat(CardErrors.checked(warned, "write")).isSameAs(warned);
    }

    @Test
    void aMissingSystemIs172() {
        RequestSystemCodeResponse systems = new RequestSystemCodeResponse(IDM, List.of(SystemCode.of(0xFE00)));
        assertThat(catchThrowableOfType(GatewayFailure.class,
                () -> CardErrors.requireSystem(systems, SystemCode.of(0x0003))).status().code()).isEqualTo(172);
        assertThat(CardErrors.requireSystem(systems, SystemCode.of(0xFE00))).isSameAs(systems);
    }

    @Test
    void aMissingServiceIs173AndAMissingArea177() {
        RequestServiceCommand ask = RequestServiceCommand.of(IDM, NodeCode.of(AreaCode.of(0x1000)),
                NodeCode.of(ServiceCode.of(0x1011)));
        RequestServiceResponse noService = new RequestServiceResponse(IDM, List.of(KeyVersion.of(0),
                KeyVersion.MISSING_NODE));
        RequestServiceResponse noArea = new RequestServiceResponse(IDM, List.of(KeyVersion.MISSING_NODE,
                KeyVersion.of(0)));
        assertThat(catchThrowableOfType(GatewayFailure.class, () -> CardErrors.requireNodes(noService, ask))
                .status().code()).isEqualTo(173);
        assertThat(catchThrowableOfType(GatewayFailure.class, () -> CardErrors.requireNodes(noArea, ask))
                .status().code()).isEqualTo(177);
        RequestServiceResponse both = new RequestServiceResponse(IDM, List.of(KeyVersion.of(0), KeyVersion.of(1)));
        assertThat(CardErrors.requireNodes(both, ask)).isSameAs(both);
    }
}
