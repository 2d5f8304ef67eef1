package io.github.walletdevice.benchmarks;

import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: a Thredd client built and its first list made in a fresh JVM, one call per fork (SingleShotTime),
 * against the hand-written StAX client doing the same. Each side builds its HTTP client in the measured call (the
 * SDK its default transport, OkHttp here; the baseline a new {@code OkHttpClient}), so the figure is what a CLI or a
 * function that starts, builds a client and calls once pays. The server is warm before: it has answered one request
 * from a raw socket, so no client code is loaded ahead. JMH runs every fork of one method before the other's; for
 * the two paths taking turns fresh JVM by fresh JVM, run {@code benchmarks/cold-start.sh} ({@link ColdStart}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class ThreddFirstCallBenchmark {

    /** A warm server; the client the measured method built, closed after it. */
    @State(Scope.Benchmark)
    public static class Server {
        LoopbackServer server;
        String url;
        AutoCloseable client;

        @Setup(Level.Trial)
        public void start() {
            server = startWarmServer();
            url = server.baseUri().resolve(ThreddFixtures.PATH).toString();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            if (client != null) {
                client.close();
            }
            server.close();
        }
    }

    /** The SDK: build the client (and its default transport), then its first list. */
    @Benchmark
    public TokenDeviceList sdk(Server s) {
        ThreddClient client = sdkClient(s.url);
        s.client = client;
        return client.tokenDevices().list(ThreddFixtures.token());
    }

    /** The baseline: a new {@code OkHttpClient} and the hand-written client's first list. */
    @Benchmark
    public HandWrittenThredd.Listing baseline(Server s) {
        HandWrittenThredd client = new HandWrittenThredd(new OkHttpClient(), s.url);
        s.client = client;
        return client.list();
    }

    /** The client the cold start measures: the benchmarks' credentials and IssCode, the default transport. */
    static ThreddClient sdkClient(String url) {
        return ThreddClient.builder().endpoint(url).credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD)
                .issCode(ThreddFixtures.ISS_CODE).build();
    }

    /** A loopback Thredd that has answered one request from a raw socket. */
    static LoopbackServer startWarmServer() {
        LoopbackServer server = LoopbackServer.start(ThreddFixtures.CONTENT_TYPE, ThreddFixtures::answer);
        URI uri = server.baseUri();
        byte[] body = ThreddFixtures.ENVELOPE.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + ThreddFixtures.PATH + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: "
                + ThreddFixtures.CONTENT_TYPE + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("the loopback Thredd did not answer 200: " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
