package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import io.github.walletdevice.gateway.CommandSession;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A stateless 3-round top-up TES on loopback, a {@link CommandSession} on the virtual card, and a raw OkHttp client
 * with the three bodies of a session prebuilt (the card's answers included), shared by the command-loop benchmarks.
 */
@State(Scope.Benchmark)
public class CommandLoopLoopback {
    private static final MediaType JSON = MediaType.get("application/json");

    private LoopbackServer server;
    private HttpTransport transport;
    private DeviceGatewayClient client;
    private CommandSession session;
    private OkHttpClient raw;
    private String url;
    private byte[][] bodies;

    @Setup(Level.Trial)
    public void start() {
        server = LoopbackServer.start("application/json", TopUpTes::answer);
        transport = HttpTransports.create("okhttp", TransportOptions.defaults());
        client = DeviceGatewayClient.builder().baseUrl(server.baseUri().toString()).actorId(GatewayFixtures.ACTOR_ID)
                .transport(transport).build();
        session = client.session(VirtualCardExecutor.sampleTransitCard()).build();
        raw = new OkHttpClient();
        url = server.baseUri().resolve(GatewayFixtures.PATH).toString();
        bodies = prebuiltBodies();
        SessionResult result = session.run(GatewayFixtures.sdkRequest());
        if (result.outcome() != SessionOutcome.COMPLETED || result.rounds() != 3
                || result.balance() != TopUpTes.BALANCE) {
            throw new IllegalStateException("the top-up did not complete in 3 rounds: " + result);
        }
        for (byte[] body : bodies) {
            if (post(body).length == 0) {
                throw new IllegalStateException("empty answer");
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        transport.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }

    /** The SDK side: one whole session. */
    SessionResult sdk() {
        return session.run(GatewayFixtures.sdkRequest());
    }

    /** The baseline: the three prebuilt bodies posted in turn, their answers read. */
    int baseline() {
        int read = 0;
        for (byte[] body : bodies) {
            read += post(body).length;
        }
        return read;
    }

    private byte[] post(byte[] body) {
        Request request = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = raw.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("HTTP " + response.code());
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three bodies of a session, with the card's real answers (from a card of its own). */
    static byte[][] prebuiltBodies() {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        String first = "{\"issuerId\":\"" + GatewayFixtures.ISSUER_ID + "\",\"cardId\":\"" + GatewayFixtures.CARD_ID
                + "\",\"purchaseId\":\"" + GatewayFixtures.PURCHASE_ID + "\",\"deviceId\":\""
                + GatewayFixtures.DEVICE_ID + "\",\"operation\":\"TOPUP\"";
        String round2 = first + ",\"responseTimeMs\":0.05,\"statusCode\":0,\"responses\":["
                + item("1", card, TopUpTes.READ_PURSE) + "," + item("2", card, TopUpTes.READ_INFO) + "]}";
        String round3 = first + ",\"responseTimeMs\":0.05,\"statusCode\":0,\"responses\":["
                + item("1", card, TopUpTes.WRITE_PURSE) + "," + item("2", card, TopUpTes.WRITE_HISTORY) + "]}";
        return new byte[][] {
            (first + "}").getBytes(StandardCharsets.UTF_8),
            round2.getBytes(StandardCharsets.UTF_8),
            round3.getBytes(StandardCharsets.UTF_8)};
    }

    private static String item(String id, VirtualFelicaCard card, String commandHex) {
        byte[] answer = card.transceive(HexFormat.of().parseHex(commandHex)).orElseThrow();
        return "{\"commandId\":\"" + id + "\",\"response\":\"" + GatewayFixtures.hex(answer) + "\"}";
    }
}
