package io.github.walletdevice.examples.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A TES in front of another over loopback HTTP: each call goes through a {@link Fault}, which may answer in the
 * TES's place, change the request, or pass it on. Faults make deliberately broken TESs out of a good one.
 */
public final class TesProxy implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Decides the answer to one call. */
    @FunctionalInterface
    public interface Fault {
        /**
         * Answers a call.
         *
         * @param call the call, which can be passed on to the TES behind
         * @return the answer's body (HTTP 200, JSON)
         */
        byte[] answer(Call call);
    }

    /**
     * One call reaching the proxy.
     *
     * @param api the operation called
     * @param actorId the {@code x-actor-id}, or {@code null}
     * @param body the request body
     * @param proxy the proxy, to pass the call on
     */
    public record Call(GatewayApi api, String actorId, byte[] body, TesProxy proxy) {

        /** The body as a JSON object, or {@code null} when it is not one. */
        public ObjectNode json() {
            try {
                JsonNode n = MAPPER.readTree(body);
                return n instanceof ObjectNode o ? o : null;
            } catch (IOException e) {
                return null;
            }
        }

        /** Passes the call on unchanged. */
        public byte[] forward() {
            return proxy.forward(api, actorId, body);
        }

        /** Passes the call on with another body. */
        public byte[] forward(JsonNode changed) {
            return proxy.forward(api, actorId, changed.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** Whether the body carries a device status the TSH reports after a device failure (221, 231, 232). */
        public boolean reportsDeviceFailure() {
            ObjectNode j = json();
            int status = j == null || !j.hasNonNull("statusCode") ? 0 : j.get("statusCode").asInt();
            return status == 221 || status == 231 || status == 232;
        }
    }

    private final String upstream;
    private final Fault fault;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer server;

    private TesProxy(String upstream, Fault fault) {
        this.upstream = upstream;
        this.fault = fault;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (GatewayApi api : GatewayApi.values()) {
            server.createContext(DeviceGatewayClient.DEFAULT_BASE_PATH + "/" + api.operationName(),
                    exchange -> serve(api, exchange));
        }
        server.start();
    }

    /**
     * Starts a proxy.
     *
     * @param upstream the base URL of the TES behind
     * @param fault what the proxy does to each call
     * @return the running proxy
     */
    public static TesProxy start(String upstream, Fault fault) {
        return new TesProxy(upstream, fault);
    }

    /** The base URL to check. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An answer of status 0 with one Polling command: the TES going on with an operation. */
    public static byte[] goOnWithCommands() {
        return GatewayJson.write(CardCommandsResponse.withCommands(List.of(Command.of("1",
                PollingCommand.of(CardImages.TRANSIT_SYSTEM).encode()))));
    }

    /** An answer of status 0 with no commands and no balance. */
    public static byte[] okAndNothingElse() {
        return "{\"statusCode\":0,\"statusMessage\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    }

    /** An answer with a status and a message. */
    public static byte[] status(GatewayStatus status, String message) {
        return GatewayJson.write(CardCommandsResponse.failure(status.statusCode(), message));
    }

    private void serve(GatewayApi api, HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] answer = fault.answer(new Call(api, exchange.getRequestHeaders().getFirst(
                    DeviceGatewayClient.ACTOR_HEADER), in.readAllBytes(), this));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private byte[] forward(GatewayApi api, String actorId, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + DeviceGatewayClient.DEFAULT_BASE_PATH
                + "/" + api.operationName())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (actorId != null) {
            b.header(DeviceGatewayClient.ACTOR_HEADER, actorId);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
