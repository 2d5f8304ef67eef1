package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;

/** Failure answers of the response type of each operation. */
final class Answers {
    private Answers() {
    }

    static GatewayResponse failure(GatewayApi api, GatewayStatus status, String message) {
        return api.failure(status.statusCode(), message);
    }
}
