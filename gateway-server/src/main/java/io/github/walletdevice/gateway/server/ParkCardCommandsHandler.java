package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;

/**
 * What the TES does on {@code getParkCardCommands}: parking a card (reading its balance to keep it on the TES). Called once per round with the request, already read and checked, and
 * its session; returns the next commands ({@code CardCommandsResponse.withCommands(session.commands(...))}), the end
 * of the operation ({@code completed(...)}), or a failure ({@code failure(...)}, or throw {@link GatewayFailure}).
 * Any other exception is answered 921 without its details, and logged.
 */
@FunctionalInterface
public interface ParkCardCommandsHandler {

    /**
     * Answers one round.
     *
     * @param request the request
     * @param session the operation's session: the round, the card's decoded answers, what earlier rounds stored
     * @return the answer
     * @throws Exception answered 921 (a {@link GatewayFailure} is answered with its own status)
     */
    CardCommandsResponse handle(ParkCardCommandsRequest request, GatewaySession session) throws Exception;
}
