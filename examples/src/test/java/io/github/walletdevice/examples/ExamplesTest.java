package io.github.walletdevice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Every example program runs and does what its javadoc says. */
class ExamplesTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);

    @Test
    void topUpAddsSevenHundredToTheSampleCard() {
        SessionResult result = TopUpExample.run(out);

        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.balance()).isEqualTo(1200L);
        assertThat(text.toString()).contains("Top-up: COMPLETED").contains("balance 1200");
    }

    @Test
    void parkCardLeavesTheBalanceWithTheTes() {
        SessionResult result = ParkCardExample.run(out);

        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.balance()).isEqualTo(500L);
        assertThat(text.toString()).contains("parked balance 500 (the TES holds 500)");
    }

    @Test
    void readerModeCreatesACardAccount() {
        SessionResult result = ReaderModeExample.run(out);

        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.cardAccountId()).startsWith("ACC-012E4CD4A1B2C3D4");
        assertThat(result.balance()).isEqualTo(500L);
    }

    @Test
    void decodeFrameReadsTheLoggedPurseBlock() {
        ReadWithoutEncryptionResponse response = DecodeFrameExample.run(out);

        assertThat(response.statusFlag1().isSuccess()).isTrue();
        assertThat(PurseBlock.parse(response.block(0)).balance()).isEqualTo(500L);
        assertThat(text.toString()).contains("command  1006012E4CD4A1B2C3D4011110018000")
                .contains("ReadWithoutEncryption response from 012E4CD4A1B2C3D4")
                .contains("as JSON: {\"direction\":\"response\",\"name\":\"ReadWithoutEncryption\"")
                .contains("\"blockData\":[\"F4010000000000000000000000000000\"]");
    }

    @Test
    void customTransportSeesEveryCallAndIsLeftOpen() {
        int calls = CustomTransportExample.run(out);

        assertThat(calls).isEqualTo(3); // park card: Polling, read purse, final answer
        assertThat(text.toString()).contains("through tracing(jdk): COMPLETED")
                .contains("still open after the client closed: true");
    }

    @Test
    void yourOwnOkHttpClientWorksAsATransport() {
        OkHttpClient yours = new OkHttpClient();
        try (SimulatedThredd thredd = SimulatedThredd.builder().build().start();
             HttpTransport transport = CustomTransportExample.onYourOkHttpClient(yours);
             ThreddClient client = ThreddClient.builder().endpoint(thredd.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE).transport(transport).build()) {
            TokenDeviceList list = client.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES));
            assertThat(list.devices()).isNotEmpty();
        }
        assertThat(yours.dispatcher().executorService().isShutdown()).isFalse();
        yours.dispatcher().executorService().shutdown();
    }

    @Test
    void retriesARefusedListWithANewWsid() {
        List<String> wsids = RetriesAndTimeoutsExample.run(out);

        assertThat(wsids).hasSize(2).doesNotHaveDuplicates();
        assertThat(text.toString()).contains("List: action code 000").contains("after 2 attempts");
    }

    @Test
    void proxyAndTlsSettingsWorkAndNeverPrintTheProxyPassword() throws Exception {
        TokenDeviceList list = ProxyAndTlsExample.run(out);

        assertThat(list.actionCodeRaw()).isEqualTo("000");
        assertThat(text.toString()).contains("proxy.example.internal:3128").contains("customTls")
                .doesNotContain("proxy-secret");
    }
}
