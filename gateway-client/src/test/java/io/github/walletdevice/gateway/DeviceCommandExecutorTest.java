package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceCommandExecutor#ofFrames}: whatever way a frame exchange fails, the answers the card already gave go
 * with the failure, so that the TES hears of every step the card applied.
 */
class DeviceCommandExecutorTest {
    private static final List<Command> WRITE_THEN_READ = List.of(Command.of("1", Fixtures.writePurse(1500)),
            Command.of("2", Fixtures.readPurse()));

    /** A transceiver on a real virtual card for the first frame, then {@code second} for the next ones. */
    private static FrameTransceiver firstOnCardThen(VirtualFelicaCard card,
                                                    Function<byte[], Optional<byte[]>> second) {
        AtomicInteger calls = new AtomicInteger();
        return frame -> calls.getAndIncrement() == 0 ? card.transceive(frame) : second.apply(frame);
    }

    private static long balance(VirtualFelicaCard card) {
        return PurseBlock.parse(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0)).balance();
    }

    @Test
    void anUncheckedExceptionAfterAWriteKeepsTheWritesResponse() {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        UncheckedIOException lost = new UncheckedIOException(new IOException("Tag was lost."));
        DeviceCommandExecutor device = DeviceCommandExecutor.ofFrames(firstOnCardThen(card, frame -> {
            throw lost;
        }));

        assertThatThrownBy(() -> device.execute(WRITE_THEN_READ))
                .isInstanceOfSatisfying(DeviceFailureException.class, e -> {
                    assertThat(e.failure()).isEqualTo(DeviceFailure.UNEXPECTED_ERROR);
                    assertThat(e.responses()).extracting(CommandResponse::commandId).containsExactly("1");
                    assertThat(e.responses().get(0).response()).endsWith("0000");
                    assertThat(e.getCause()).isSameAs(lost);
                    assertThat(e.getMessage()).contains("command 2 (2 of 2)").contains("UncheckedIOException")
                            .contains("Tag was lost.");
                });
        assertThat(balance(card)).as("the write was applied").isEqualTo(1500);
    }

    @Test
    void anAnswerThatIsNotAFrameKeepsTheResponsesBeforeIt() {
        for (byte[] bad : new byte[][] {new byte[0], new byte[256]}) {
            VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
            DeviceCommandExecutor device = DeviceCommandExecutor.ofFrames(firstOnCardThen(card,
                    frame -> Optional.of(bad)));
            assertThatThrownBy(() -> device.execute(WRITE_THEN_READ)).as("%d bytes", bad.length)
                    .isInstanceOfSatisfying(DeviceFailureException.class, e -> {
                        assertThat(e.failure()).isEqualTo(DeviceFailure.UNEXPECTED_ERROR);
                        assertThat(e.responses()).extracting(CommandResponse::commandId).containsExactly("1");
                        assertThat(e.getCause()).isInstanceOf(ValidationException.class);
                        assertThat(e.getMessage()).contains("command 2 (2 of 2)");
                    });
        }
    }

    @Test
    void aDeviceFailureFromTheTransceiverGetsTheResponsesBeforeIt() {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        DeviceCommandExecutor device = DeviceCommandExecutor.ofFrames(firstOnCardThen(card, frame -> {
            throw new DeviceFailureException(DeviceFailure.OUT_OF_MEMORY, "SE full");
        }));
        assertThatThrownBy(() -> device.execute(WRITE_THEN_READ))
                .isInstanceOfSatisfying(DeviceFailureException.class, e -> {
                    assertThat(e.failure()).isEqualTo(DeviceFailure.OUT_OF_MEMORY);
                    assertThat(e.getMessage()).isEqualTo("SE full");
                    assertThat(e.responses()).extracting(CommandResponse::commandId).containsExactly("1");
                });
    }

    @Test
    void anErrorIsNotTurnedIntoADeviceFailure() {
        DeviceCommandExecutor device = DeviceCommandExecutor.ofFrames(frame -> {
            throw new OutOfMemoryError("JVM");
        });
        assertThatThrownBy(() -> device.execute(WRITE_THEN_READ)).isInstanceOf(OutOfMemoryError.class);
    }
}
