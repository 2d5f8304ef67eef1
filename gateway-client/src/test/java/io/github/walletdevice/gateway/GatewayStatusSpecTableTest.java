package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link GatewayStatus} to the spec's text: the status table of the Device Gateway API, copied verbatim into
 * {@code src/test/resources/spec/gateway-status-codes.txt}, and read from there.
 */
class GatewayStatusSpecTableTest {

    private static Map<Integer, String> specTable() throws IOException {
        Map<Integer, String> table = new TreeMap<>();
        try (InputStream in = GatewayStatusSpecTableTest.class.getResourceAsStream("/spec/gateway-status-codes.txt")) {
            assertThat(in).as("the spec's table in the test resources").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                table.put(Integer.parseInt(line.substring(0, space)), line.substring(space + 1).strip());
            }
        }
        return table;
    }

    @Test
    void everyCodeOfTheSpecIsAStatusWithTheSpecsWording() throws IOException {
        Map<Integer, String> spec = specTable();
        assertThat(spec).hasSize(26);
        List<String> mismatches = new ArrayList<>();
        spec.forEach((code, description) -> {
            GatewayStatus status = GatewayStatus.fromCode(code).orElse(null);
            if (status == null) {
                mismatches.add(code + " missing");
            } else if (!status.description().equals(description)) {
                mismatches.add(code + ": \"" + status.description() + "\" but the spec says \"" + description + "\"");
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void thereIsNoStatusTheSpecDoesNotList() throws IOException {
        assertThat(Arrays.stream(GatewayStatus.values()).map(GatewayStatus::code))
                .containsExactlyInAnyOrderElementsOf(specTable().keySet());
    }
}
