package io.github.walletdevice.gateway;

import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DeviceCommandExecutor} backed by the SDK's {@link VirtualFelicaCard}: the "phone" of tests, examples and
 * of TES teams driving their server without a device. Frames are exchanged one by one with the card's own status
 * flags; when the card stays silent (a frame with a wrong LEN, another card's IDm, an unsupported command) the round
 * ends as {@link DeviceFailure#UNEXPECTED_ERROR}, reported to the TES as 231, as a phone reports a lost tag.
 * One round runs at a time per executor, so that two sessions sharing a card never interleave their commands.
 */
public final class VirtualCardExecutor implements DeviceCommandExecutor {
    private final VirtualFelicaCard card;
    private final DeviceCommandExecutor frames;

    /**
     * An executor on a card.
     *
     * @param card the virtual card
     */
    public VirtualCardExecutor(VirtualFelicaCard card) {
        this.card = Objects.requireNonNull(card, "card");
        this.frames = DeviceCommandExecutor.ofFrames(card::transceive);
    }

    /**
     * An executor on a new card holding an image.
     *
     * @param image the card image
     * @return the executor
     */
    public static VirtualCardExecutor of(CardImage image) {
        return new VirtualCardExecutor(VirtualFelicaCard.of(image));
    }

    /**
     * An executor on a new copy of the FeliCa codec's sample transit card ({@link CardImages#transitSample()}).
     *
     * @return the executor
     */
    public static VirtualCardExecutor sampleTransitCard() {
        return of(CardImages.transitSample());
    }

    /**
     * The card, to inspect it after a session.
     *
     * @return the virtual card
     */
    public VirtualFelicaCard card() {
        return card;
    }

    @Override
    public synchronized List<CommandResponse> execute(List<Command> commands) {
        return frames.execute(commands);
    }

    @Override
    public String toString() {
        return "VirtualCardExecutor[idm=" + card.idm() + "]";
    }
}
