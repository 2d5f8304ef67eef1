package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
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
 * The Thredd client's own cost per list, without a network. {@code direct}: the SDK on a transport that answers
 * at once, against the hand-written client's own work (the envelope's bytes, the StAX loop). {@code okhttp-stub}:
 * both through an OkHttp client whose interceptor answers. Every side splices the WSID into the same 5-device
 * answer.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ThreddInMemoryBenchmark {
    private static final HttpHeaders SOAP = HttpHeaders.of("Content-Type", ThreddFixtures.CONTENT_TYPE);
    private static final String URL = "http://127.0.0.1:8080" + ThreddFixtures.PATH;

    @Param({"direct", "okhttp-stub"})
    public String transport;

    private HttpTransport sdkTransport;
    private ThreddClient sdk;
    private HandWrittenThredd handWritten;

    @Setup(Level.Trial)
    public void setUp() {
        if (transport.equals("direct")) {
            sdkTransport = new InMemoryTransport(
                    request -> HttpResponse.ofOwnedBody(200, SOAP, ThreddFixtures.answer(request.bodyUnsafe())));
        } else {
            OkHttpClient stub = StubOkHttp.client(ThreddFixtures.CONTENT_TYPE, ThreddFixtures::answer);
            sdkTransport = new OkHttpTransport(stub);
            handWritten = new HandWrittenThredd(stub, URL);
        }
        sdk = ThreddClient.builder().endpoint(URL).credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD)
                .issCode(ThreddFixtures.ISS_CODE).transport(sdkTransport).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
        sdkTransport.close();
    }

    @Benchmark
    public TokenDeviceList sdk() {
        return sdk.tokenDevices().list(ThreddFixtures.token());
    }

    @Benchmark
    public HandWrittenThredd.Listing baseline() {
        if (handWritten != null) {
            return handWritten.list();
        }
        byte[] request = ThreddFixtures.ENVELOPE.getBytes(StandardCharsets.UTF_8);
        return HandWrittenThredd.parse(ThreddFixtures.answer(request));
    }
}
