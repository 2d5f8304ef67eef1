package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code gateway run} sends {@code operation} only when asked: the spec marks it optional and lists no values. */
class GatewayRunOperationTest {
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer tes;

    @BeforeEach
    void start() throws Exception {
        tes = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tes.createContext("/", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        tes.start();
    }

    @AfterEach
    void stop() {
        tes.stop(0);
    }

    private CliRun run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gateway", "run", "--url",
                "http://127.0.0.1:" + tes.getAddress().getPort(), "--actor-id", "TSH-CLI", "--issuer", "ISSUER01",
                "--card", "CARD-1", "--device", "DEVICE-1", "--api", "park"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void noOperationIsSentUnlessAsked() {
        assertThat(run().exitCode()).isZero();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).has("operation")).as(received.get(0).toString()).isFalse();
    }

    @Test
    void theOperationAskedForIsSent() {
        assertThat(run("--operation", "PARK").exitCode()).isZero();
        assertThat(received.get(0).path("operation").asText()).isEqualTo("PARK");
    }
}
