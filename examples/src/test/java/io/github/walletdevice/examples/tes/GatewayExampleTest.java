package io.github.walletdevice.examples.tes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayExampleTest {
    @Test
    void runsTheThreeFlowsOnOneCard() {
        StringWriter text = new StringWriter();
        List<SessionResult> results = GatewayExample.run(new PrintWriter(text));
        assertThat(results).extracting(SessionResult::outcome).containsOnly(SessionOutcome.COMPLETED);
        assertThat(results).extracting(SessionResult::balance).containsExactly(1200L, 1200L, 1200L);
        assertThat(results.get(2).cardAccountId()).startsWith("ACC-012E4CD4A1B2C3D4-");
        assertThat(text.toString().lines()).hasSize(3).first().asString()
                .isEqualTo("getCardCommands: COMPLETED after 5 rounds, status 0 (OK), balance 1200");
    }
}
