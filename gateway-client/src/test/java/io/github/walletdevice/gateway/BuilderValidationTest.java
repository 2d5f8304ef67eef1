package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every builder check of the Device Gateway client throws a {@link ValidationException} naming the setting. */
class BuilderValidationTest {

    private static DeviceGatewayClient.Builder client() {
        return DeviceGatewayClient.builder().baseUrl("http://127.0.0.1:1").actorId("TSH-1");
    }

    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", " TSH-1", "TSH-1 ", "\tTSH", "TSH\u00e9"})
    void anActorIdTheHeaderWouldNotCarryUnchangedIsRefused(String actorId) {
        // The wire drops leading and trailing spaces: the TES would see another id (or none).
        assertRefused(() -> client().actorId(actorId).build(), "x-actor-id");
    }

    @Test
    void anActorIdWithInnerSpacesOf32CharactersIsSent() {
        client().actorId("TSH 1").build().close();
        client().actorId("A".repeat(32)).build().close();
        assertRefused(() -> client().actorId("A".repeat(33)).build(), "x-actor-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tes\u0000/x", "/te\ns", "/a b", "/a\u007f"})
    void aBasePathWithAControlCharacterNamesTheField(String basePath) {
        assertRefused(() -> client().basePath(basePath).build(), "basePath");
    }

    @Test
    void missingSettingsAreNamed() {
        assertRefused(() -> client().basePath(null), "basePath");
        assertRefused(() -> client().answerShape(null), "answerShape");
        assertRefused(() -> client().callTimeout(null), "callTimeout");
        assertRefused(() -> client().retryPolicy(null), "retryPolicy");
        assertRefused(() -> client().transportOptions(null), "transportOptions");
    }

    @Test
    void theSessionBuilderNamesWhatIsWrong() {
        try (DeviceGatewayClient c = client().build()) {
            DeviceCommandExecutor device = commands -> java.util.List.of();
            assertRefused(() -> CommandSession.builder(null, device), "client");
            assertRefused(() -> CommandSession.builder(c, null), "device");
            assertRefused(() -> CommandSession.builder(c, device).maxRounds(0), "maxRounds");
            assertRefused(() -> CommandSession.builder(c, device).deadline(Duration.ZERO), "deadline");
            assertRefused(() -> CommandSession.builder(c, device).deadline(null), "deadline");
            assertRefused(() -> CommandSession.builder(c, device).deviceThreads(null), "deviceThreads");
            assertRefused(() -> CommandSession.builder(c, device).onRound(null), "onRound");
        }
    }
}
