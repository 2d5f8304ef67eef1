package io.github.walletdevice.gateway.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call as the framework-neutral {@link GatewayServer} sees it: an adapter (JDK server, servlet, or any
 * other framework) fills it from its own request.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path within the application, e.g. {@code /tes/devicegtwapi/1/0/getCardCommands}
 * @param headers the request headers (names in any case)
 * @param body the request body, possibly empty
 */
public record ServerRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    /**
     * Checks the parts are present.
     *
     * @param method the HTTP method
     * @param path the path within the application
     * @param headers the headers
     * @param body the body
     */
    public ServerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    /**
     * A header's first value, the name matched in any case as HTTP does.
     *
     * @param name the header's name
     * @return the value, or {@code null} when absent
     */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
