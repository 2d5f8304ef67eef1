package io.github.walletdevice.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link GatewayServer} answers, for an adapter to write: the status, the headers and the whole body.
 * Write it with its {@code Content-Length} and in one write: a Java client then gets it without waiting on
 * Nagle's algorithm and delayed acknowledgements.
 *
 * @param status the HTTP status
 * @param headers the response headers (besides {@code Content-Length})
 * @param body the body
 */
public record ServerResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Checks the parts are present.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body
     */
    public ServerResponse {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    static ServerResponse json(byte[] body) {
        return new ServerResponse(200, Map.of("Content-Type", "application/json"), body);
    }

    static ServerResponse text(int status, String text, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return new ServerResponse(status, headers, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
