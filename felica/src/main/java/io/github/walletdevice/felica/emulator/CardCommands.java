package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.RequestCode;
import io.github.walletdevice.felica.RequestResponseCommand;
import io.github.walletdevice.felica.RequestResponseResponse;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.RequestSpecificationVersionCommand;
import io.github.walletdevice.felica.RequestSpecificationVersionResponse;
import io.github.walletdevice.felica.RequestSystemCodeCommand;
import io.github.walletdevice.felica.RequestSystemCodeResponse;
import io.github.walletdevice.felica.ResetModeCommand;
import io.github.walletdevice.felica.ResetModeResponse;
import io.github.walletdevice.felica.SearchServiceCodeCommand;
import io.github.walletdevice.felica.SearchServiceCodeResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.StatusFlag1;
import io.github.walletdevice.felica.StatusFlag2;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The virtual card's handlers of the commands that only look at the card's state (block access is in
 * {@link BlockAccess}); each matches {@link CommandHandler}. {@link VirtualFelicaCard}'s javadoc says what each
 * answers.
 */
final class CardCommands {

    private CardCommands() {
    }

    /** Selects the first system the Polling system code matches and resets the mode; silent if none matches. */
    static FelicaResponse polling(PollingCommand command, CardState card, SystemState ignored) {
        for (int i = 0; i < card.systems.size(); i++) {
            SystemImage s = card.systems.get(i).image;
            if (command.systemCode().matches(s.systemCode())) {
                card.selected = i;
                card.mode = 0;
                OptionalInt data = OptionalInt.empty();
                if (command.requestCode() == RequestCode.SYSTEM_CODE) {
                    data = OptionalInt.of(s.systemCode().value());
                } else if (command.requestCode() == RequestCode.COMMUNICATION_PERFORMANCE) {
                    data = card.image.communicationPerformance();
                }
                return new PollingResponse(s.idm().orElseThrow(), s.pmm().orElseThrow(), data);
            }
        }
        return null;
    }

    static FelicaResponse requestService(RequestServiceCommand command, CardState card, SystemState system) {
        List<KeyVersion> versions = new ArrayList<>(command.nodeCodes().size());
        for (NodeCode n : command.nodeCodes()) {
            versions.add(new KeyVersion(system.keyVersion(n.value())));
        }
        return new RequestServiceResponse(system.idm, versions);
    }

    static FelicaResponse requestResponse(RequestResponseCommand command, CardState card, SystemState system) {
        return new RequestResponseResponse(system.idm, card.mode);
    }

    static FelicaResponse searchServiceCode(SearchServiceCodeCommand command, CardState card, SystemState system) {
        int i = command.index();
        if (i >= system.searchOrder.size()) {
            return SearchServiceCodeResponse.end(system.idm);
        }
        SystemState.SearchNode node = system.searchOrder.get(i);
        if (node.end() == SystemState.SearchNode.SERVICE) {
            return SearchServiceCodeResponse.service(system.idm, new ServiceCode(node.code()));
        }
        return SearchServiceCodeResponse.area(system.idm, new AreaCode(node.code()), node.end());
    }

    static FelicaResponse requestSystemCode(RequestSystemCodeCommand command, CardState card, SystemState system) {
        return new RequestSystemCodeResponse(system.idm, card.systemCodes());
    }

    /** Silent when the image has no specification version, as a card without the command would be. */
    static FelicaResponse requestSpecificationVersion(RequestSpecificationVersionCommand command, CardState card,
            SystemState system) {
        if (card.image.specificationVersion().isEmpty()) {
            return null;
        }
        return new RequestSpecificationVersionResponse(system.idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS,
                card.image.specificationVersion());
    }

    static FelicaResponse resetMode(ResetModeCommand command, CardState card, SystemState system) {
        card.mode = 0;
        return new ResetModeResponse(system.idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS);
    }
}
