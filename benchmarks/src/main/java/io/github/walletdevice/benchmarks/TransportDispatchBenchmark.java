package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.internal.Call;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The transport layer alone, one prebuilt request of the gateway's JSON: the SDK transport's synchronous
 * {@code execute}, the same request through {@link CallPipeline} (retries, deadline, limit, logging, then the
 * transport's {@code execute} on the caller's thread), and the raw HTTP client. {@code okhttp-stub} answers from an
 * OkHttp interceptor, without loopback's scheduling noise.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TransportDispatchBenchmark {
    /** The deadline of a call made on the transport alone, as the clients' default (60 s). */
    private static final long DEADLINE_NANOS = TransportOptions.DEFAULT_CALL_TIMEOUT.toNanos();
    private static final MediaType JSON = MediaType.get("application/json");

    @Param({"okhttp", "jdk", "okhttp-stub"})
    public String transport;

    private LoopbackServer server;
    private HttpTransport sdkTransport;
    private CallPipeline pipeline;
    private HttpRequest request;
    private OkHttpClient okHttp;
    private OkHttpClient okHttpWithCallTimeout;
    private HttpClient jdk;
    private URI uri;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        body = HandWrittenGateway.write(GatewayFixtures.handWrittenRequest());
        if (transport.equals("okhttp-stub")) {
            uri = URI.create("http://127.0.0.1:8080" + GatewayFixtures.PATH);
            okHttp = StubOkHttp.client("application/json", b -> GatewayFixtures.ANSWER);
            sdkTransport = new OkHttpTransport(okHttp);
        } else {
            server = LoopbackServer.start("application/json", b -> GatewayFixtures.ANSWER);
            uri = server.baseUri().resolve(GatewayFixtures.PATH);
            sdkTransport = HttpTransports.create(transport, TransportOptions.defaults());
            okHttp = new OkHttpClient();
            jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }
        // The SDK always runs with a call deadline (60 s); on the JDK it watches it without a JDK request timeout.
        okHttpWithCallTimeout = okHttp.newBuilder().callTimeout(TransportOptions.DEFAULT_CALL_TIMEOUT).build();
        pipeline = CallPipeline.builder("bench").transport(sdkTransport).build();
        request = HttpRequest.builder().method("POST").uri(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("x-actor-id", GatewayFixtures.ACTOR_ID).body(body)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
        sdkTransport.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public HttpResponse execute() {
        return sdkTransport.execute(request, System.nanoTime() + DEADLINE_NANOS);
    }

    @Benchmark
    public HttpResponse callPipeline() {
        return pipeline.execute(Call.of("getCardCommands", CallKind.STATE_CHANGING, request, null));
    }

    @Benchmark
    public byte[] baseline() {
        return raw(okHttp, false);
    }

    /** The raw client with the timeouts the SDK always sets: what its own deadline costs. */
    @Benchmark
    public byte[] baselineWithTimeouts() {
        return raw(okHttpWithCallTimeout, true);
    }

    private byte[] raw(OkHttpClient client, boolean timeouts) {
        if (transport.equals("jdk")) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri);
            if (timeouts) {
                b.timeout(TransportOptions.DEFAULT_READ_TIMEOUT);
            }
            java.net.http.HttpRequest http = b
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                return jdk.send(http, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Request http = new Request.Builder().url(uri.toString()).header("Accept", "application/json")
                .header("x-actor-id", GatewayFixtures.ACTOR_ID).post(RequestBody.create(body, JSON)).build();
        try (Response response = client.newCall(http).execute()) {
            return response.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
