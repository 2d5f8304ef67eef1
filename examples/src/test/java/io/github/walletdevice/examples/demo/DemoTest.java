package io.github.walletdevice.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void everyFlowDoesWhatItShould() {
        StringWriter text = new StringWriter();

        boolean ok = Demo.run(new PrintWriter(text, true));

        String out = text.toString();
        assertThat(ok).as(out).isTrue();
        assertThat(out).contains("All 7 steps did what they should.");
        // Top-up of 700 on the sample card's 500, seen by the TES, parked, then ingested in reader mode.
        assertThat(out).contains("1. Top-up of 700").contains("COMPLETED after 5 rounds: status 0 (OK), balance 1200");
        assertThat(out).contains("2. Park card").contains("COMPLETED after 3 rounds: status 0 (OK), balance 1200");
        assertThat(out).contains("3. Reader mode").contains("card account ACC-012E4CD4A1B2C3D4-1");
        // Frames are explained, not dumped.
        assertThat(out).contains("TES -> card  ReadWithoutEncryption command to 012E4CD4A1B2C3D4");
        // Thredd: the unbound device is no longer active on the second list.
        assertThat(out).contains("5. Unbind device 1").contains("=> action code 000 (Success)");
        assertThat(out).containsPattern("6\\. List again[\\s\\S]*#1 Alice's phone, type M, Thredd DELETED");
        // The decoded exchange is JSON with the design's keys.
        assertThat(out).contains("\"name\":\"ReadWithoutEncryption\"").contains("\"blockData\":[\"F401");
        assertThat(out).doesNotContain("!!");
    }
}
