package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.emulator.AreaImage;
import io.github.walletdevice.felica.emulator.SystemImage;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import io.github.walletdevice.gateway.AreaCodeEntry;
import io.github.walletdevice.gateway.CardContents;

/** What a phone in reader mode reports of an external card (the request's {@code cardContents}). */
public final class VirtualCardContents {
    private VirtualCardContents() {
    }

    /**
     * The card's contents as the phone would report them after polling it: its first system's code, that
     * system's IDm, the PMm, and the system's areas with their key versions.
     *
     * @param card the virtual card
     * @param cardServiceId the name of the card service, or {@code null}
     * @return the card contents
     */
    public static CardContents of(VirtualFelicaCard card, String cardServiceId) {
        SystemCode system = card.systemCodes().get(0);
        CardContents.Builder b = CardContents.builder().cardServiceId(cardServiceId).systemCode(system)
                .idm(card.idm(system)).pmm(card.pmm());
        SystemImage image = card.initialImage().system(system).orElseThrow();
        for (AreaImage area : image.areas()) {
            b.addArea(AreaCodeEntry.of(area.areaCode().toString(), String.format("%04X", area.keyVersion())));
        }
        return b.build();
    }
}
