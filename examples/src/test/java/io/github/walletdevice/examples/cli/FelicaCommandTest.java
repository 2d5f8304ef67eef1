package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FelicaCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void decodesAPollingCommandWithTheDesignKeys() throws Exception {
        CliRun run = CliRun.of("felica", "decode", "0600FFFF0103");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("direction").asText()).isEqualTo("command");
        assertThat(json.get("name").asText()).isEqualTo("Polling");
        assertThat(json.get("code").asText()).isEqualTo("00");
        assertThat(json.get("length").asInt()).isEqualTo(6);
        assertThat(json.get("systemCode").asText()).isEqualTo("FFFF");
        assertThat(json.get("requestCode").asInt()).isEqualTo(1);
        assertThat(json.get("timeSlot").asInt()).isEqualTo(3);
    }

    @Test
    void decodesAReadResponseWithBlocksInUppercaseHex() throws Exception {
        String block = "00112233445566778899aabbccddeeff";
        String frame = "1D07" + "0123456789ABCDEF" + "0000" + "01" + block;

        CliRun run = CliRun.of("felica", "decode", frame.toLowerCase());

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("direction").asText()).isEqualTo("response");
        assertThat(json.get("name").asText()).isEqualTo("ReadWithoutEncryption");
        assertThat(json.get("idm").asText()).isEqualTo("0123456789ABCDEF");
        assertThat(json.get("statusFlag1").asText()).isEqualTo("00");
        assertThat(json.get("statusFlag2").asText()).isEqualTo("00");
        assertThat(json.get("blockData").get(0).asText()).isEqualTo(block.toUpperCase());
    }

    @Test
    void acceptsSpacesAndAPrefix() {
        assertThat(CliRun.of("felica", "decode", "0x06 00 FF FF 01 03").exitCode()).isEqualTo(0);
    }

    @Test
    void rejectsTextThatIsNotHexWithOneSentenceAndExitTwo() {
        CliRun run = CliRun.of("felica", "decode", "06ZZ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("not hex").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void rejectsDigitsThatAreNotAsciiHex() {
        // Arabic-Indic and fullwidth digits count as digits for Character.digit, never as hex on the wire.
        CliRun arabic = CliRun.of("felica", "decode", "\u0660600FFFF0103");
        CliRun fullwidth = CliRun.of("felica", "decode", "\uFF10600FFFF0103");

        assertThat(arabic.exitCode()).isEqualTo(2);
        assertThat(arabic.err()).contains("not hex");
        assertThat(fullwidth.exitCode()).isEqualTo(2);
        assertThat(fullwidth.err()).contains("not hex");
    }

    @Test
    void rejectsAFrameWhoseLengthByteLiesWithExitTwo() {
        CliRun run = CliRun.of("felica", "decode", "0900FFFF0103");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("walletdevice: ").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void explainsAFrameInOneLine() {
        CliRun run = CliRun.of("felica", "explain", "0600FFFF0103");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(run.out()).contains("Polling");
    }
}
