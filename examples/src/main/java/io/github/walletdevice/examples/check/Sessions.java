package io.github.walletdevice.examples.check;

import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.SessionResult;
import java.util.List;

/** Pieces the session checks share: how a session reads in the report, and a card answer to send back. */
final class Sessions {
    private static final byte[] POLLING_ANSWER = VirtualFelicaCard.of(CardImages.transitSample())
            .transceive(PollingCommand.of(CardImages.TRANSIT_SYSTEM).encode()).orElseThrow();

    private Sessions() {
    }

    /** One line for the report, e.g. {@code completed in 5 rounds: statusCode 0, balance 1500}. */
    static String describe(SessionResult r) {
        StringBuilder s = new StringBuilder();
        if (r.isSuccess()) {
            s.append("completed in ").append(r.rounds()).append(r.rounds() == 1 ? " round" : " rounds")
                    .append(": statusCode ").append(r.lastStatus().code());
        } else {
            s.append("ended ").append(r.outcome()).append(" after ").append(r.rounds())
                    .append(r.rounds() == 1 ? " round: " : " rounds: ").append(Redactor.truncate(r.detail(), 160));
        }
        if (r.balance() != null) {
            s.append(", balance ").append(r.balance());
        }
        if (r.cardAccountId() != null) {
            s.append(", cardAccountId \"").append(Redactor.truncate(r.cardAccountId(), 60)).append('"');
        }
        return s.toString();
    }

    /** The TES's last answer of a session. */
    static GatewayResponse lastAnswer(SessionResult r) {
        return r.transcript().get(r.transcript().size() - 1).response();
    }

    /** A card's answer to a Polling command, as a response to a command the TES may never have sent. */
    static List<CommandResponse> pollingAnswer(String commandId) {
        return List.of(CommandResponse.of(commandId, POLLING_ANSWER));
    }
}
