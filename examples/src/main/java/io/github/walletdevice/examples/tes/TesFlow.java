package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import java.util.List;

/** One operation's script on the TES side: what to ask the card, and what to make of its answers. */
interface TesFlow {

    /**
     * The answer to the first call: the first commands, or a failure.
     *
     * @param session the new session
     * @param request the first request
     * @return the answer
     * @throws TesFailure to end the session with a status
     */
    GatewayResponse start(TesSession session, GatewayRequest request);

    /**
     * The answer to a later call whose status is 0: more commands, or the end of the operation.
     *
     * @param session the session
     * @param request the request
     * @param answers the card's answers to the last commands, in order, checked against them
     * @return the answer
     * @throws TesFailure to end the session with a status
     */
    GatewayResponse next(TesSession session, GatewayRequest request, List<FelicaResponse> answers);
}
