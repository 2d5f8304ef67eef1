package com.example.consumer;

import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import java.io.IOException;

/**
 * A device with the shape of Android's {@code NfcF}: {@code byte[] transceive(byte[]) throws IOException}, throwing
 * {@link TagLostException} when the card does not answer. Behind it, the SDK's virtual transit card.
 */
final class AndroidLikeNfcF {
    private final VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());

    byte[] transceive(byte[] data) throws IOException {
        return card.transceive(data).orElseThrow(TagLostException::new);
    }
}
