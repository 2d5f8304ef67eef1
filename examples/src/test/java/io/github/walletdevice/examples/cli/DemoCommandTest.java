package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void theDemoIsTheDefaultCommandAndExitsZero() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("walletdevice demo:").contains("All 7 steps did what they should.");
    }

    @Test
    void theDemoCommandByNameDoesTheSame() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("All 7 steps did what they should.");
    }
}
