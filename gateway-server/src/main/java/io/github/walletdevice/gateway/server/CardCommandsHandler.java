package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;

/**
 * What the TES does on {@code getCardCommands}: a card operation on the phone, e.g. a top-up. Called once per round with the request, already read and checked, and
 * its session; returns the next commands ({@code CardCommandsResponse.withCommands(session.commands(...))}), the end
 * of the operation ({@code completed(...)}), or a failure ({@code failure(...)}, or throw {@link GatewayFailure}).
 * Any other exception is answered 921 without its details, and logged.
 */
@FunctionalInterface
public interface CardCommandsHandler {

    /**
     * Answers one round.
     *
     * @param request the request
     * @param session the operation's session: the round, the card's decoded answers, what earlier rounds stored
     * @return the answer
     * @throws Exception answered 921 (a {@link GatewayFailure} is answered with its own status)
     */
    CardCommandsResponse handle(CardCommandsRequest request, GatewaySession session) throws Exception;
}
