package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaResponse;

/**
 * How a {@link VirtualFelicaCard} answers one command type.
 *
 * @param <C> the command type
 */
@FunctionalInterface
interface CommandHandler<C extends FelicaCommand<?>> {

    /**
     * Answers a well-formed command addressed to {@code system} (null for Polling, which addresses no IDm).
     *
     * @return the response, or null when the card stays silent
     */
    FelicaResponse answer(C command, CardState card, SystemState system);
}
