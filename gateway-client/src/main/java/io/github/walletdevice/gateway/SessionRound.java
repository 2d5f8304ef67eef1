package io.github.walletdevice.gateway;

import java.util.Objects;

/**
 * One round of a command session: what the TSH sent and what the TES answered.
 *
 * @param number the round's number, from 1
 * @param request the request sent (with the previous round's responses)
 * @param response the TES's answer
 */
public record SessionRound(int number, GatewayRequest<?> request, GatewayResponse response) {
    /**
     * Checks the parts are present.
     *
     * @param number the round's number, from 1
     * @param request the request sent
     * @param response the answer
     */
    public SessionRound {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }
}
