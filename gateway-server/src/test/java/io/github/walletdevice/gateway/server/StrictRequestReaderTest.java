package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader on its own: typed results, code-point lengths, extensions kept where they stand. */
class StrictRequestReaderTest {
    private final StrictRequestReader reader = new StrictRequestReader();

    private ReadResult read(GatewayApi api, String actor, String body) {
        return reader.read(api, "application/json", actor, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theActorIdIsCountedInCharacters() {
        String park = "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}";
        String bus = "\uD83D\uDE8C";
        assertThat(read(GatewayApi.PARK_CARD_COMMANDS, bus.repeat(32), park)).isInstanceOf(ReadResult.Accepted.class);
        ReadResult tooLong = read(GatewayApi.PARK_CARD_COMMANDS, bus.repeat(33), park);
        assertThat(tooLong).isInstanceOf(ReadResult.Refused.class);
        assertThat(((ReadResult.Refused) tooLong).answer()).isInstanceOf(CardCommandsResponse.class)
                .extracting(GatewayResponse::api).isEqualTo(GatewayApi.PARK_CARD_COMMANDS);
        assertThat(((ReadResult.Refused) tooLong).answer().statusCode().code()).isEqualTo(112);
    }

    @Test
    void unknownFieldsAreKeptAtEveryLevel() {
        ReadResult read = read(GatewayApi.READER_MODE_COMMANDS, "TSH", "{\"issuerId\":\"I\",\"deviceId\":\"D\","
                + "\"cardContents\":{\"idm\":\"0123456789abcdef\",\"extra\":1,\"areaCodeList\":[{\"areaCode\":"
                + "\"0100\",\"keyVersion\":\"6745\",\"note\":\"x\"}]},\"responses\":[{\"commandId\":\"7\","
                + "\"response\":\"0c07\",\"ms\":2.5}],\"vendor\":true}");
        ReaderModeCommandsRequest request = (ReaderModeCommandsRequest) ((ReadResult.Accepted) read).request();
        assertThat(request.extensions()).containsOnlyKeys("vendor");
        assertThat(request.cardContents().idm()).isEqualTo("0123456789ABCDEF");
        assertThat(request.cardContents().extensions()).containsOnlyKeys("extra");
        assertThat(request.cardContents().areaCodeList().get(0).extensions()).containsOnlyKeys("note");
        assertThat(request.responses().get(0).extensions()).containsOnlyKeys("ms");
        assertThat(request.responses().get(0).response()).isEqualTo("0C07");
    }

    @Test
    void aMisspeltNestedFieldIsRefusedByItsPath() {
        ReadResult read = read(GatewayApi.READER_MODE_COMMANDS, "TSH",
                "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"IDm\":\"0123456789ABCDEF\"}}");
        assertThat(((ReadResult.Refused) read).answer().statusMessage()).contains("cardContents.IDm")
                .contains("spelt idm");
    }
}
