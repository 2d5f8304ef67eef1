package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
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
 * The first Thredd list in a fresh JVM, one call per fork: the SDK's first call pays for its JAXB context and its
 * classes; the baseline's first call pays for OkHttp's and StAX's. Clients are built before the measured call,
 * and the server has already answered one request (from a raw socket, so no client code is warmed).
 * {@code buildAndFirstCall} and its baseline also build their client in the measured call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 6, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class ThreddFirstCallBenchmark {

    @State(Scope.Benchmark)
    public static class SdkClient {
        LoopbackServer server;
        HttpTransport transport;
        ThreddClient client;

        @Setup(Level.Trial)
        public void start() {
            server = startWarmServer();
            transport = HttpTransports.create("okhttp", TransportOptions.defaults());
            client = ThreddClient.builder().endpoint(server.baseUri().resolve(ThreddFixtures.PATH))
                    .credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD).issCode(ThreddFixtures.ISS_CODE)
                    .transport(transport).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            transport.close();
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class BaselineClient {
        LoopbackServer server;
        HandWrittenThredd client;

        @Setup(Level.Trial)
        public void start() {
            server = startWarmServer();
            client = new HandWrittenThredd(new OkHttpClient(), server.baseUri().resolve(ThreddFixtures.PATH).toString());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.close();
        }
    }

    /** A warm server only: the measured method builds its client too. */
    @State(Scope.Benchmark)
    public static class ServerOnly {
        LoopbackServer server;
        HttpTransport transport;
        AutoCloseable client;

        @Setup(Level.Trial)
        public void start() {
            server = startWarmServer();
            transport = HttpTransports.create("okhttp", TransportOptions.defaults());
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            if (client != null) {
                client.close();
            }
            transport.close();
            server.close();
        }
    }

    /** Nothing prepared: the measured call creates the context itself. */
    @State(Scope.Benchmark)
    public static class Nothing {
    }

    @Benchmark
    public TokenDeviceList sdk(SdkClient s) {
        return s.client.tokenDevices().list(ThreddFixtures.token());
    }

    @Benchmark
    public HandWrittenThredd.Listing baseline(BaselineClient s) {
        return s.client.list();
    }

    /**
     * Building the client and its first call together: what start-up costs when the first call follows at once,
     * whether the JAXB context is made in the builder, in the background or in the call.
     */
    @Benchmark
    public TokenDeviceList buildAndFirstCall(ServerOnly s) {
        ThreddClient client = ThreddClient.builder().endpoint(s.server.baseUri().resolve(ThreddFixtures.PATH))
                .credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD).issCode(ThreddFixtures.ISS_CODE)
                .transport(s.transport).build();
        s.client = client;
        return client.tokenDevices().list(ThreddFixtures.token());
    }

    /** The baseline's client built and its first call, in a fresh JVM. */
    @Benchmark
    public HandWrittenThredd.Listing baselineBuildAndFirstCall(ServerOnly s) {
        HandWrittenThredd client = new HandWrittenThredd(new OkHttpClient(),
                s.server.baseUri().resolve(ThreddFixtures.PATH).toString());
        s.client = client::close;
        return client.list();
    }

    /**
     * Not a pairing: the part of the SDK's first call that is JAXB's, a context for the SDK's three request classes
     * (package-private, hence by name) in a fresh JVM.
     */
    @Benchmark
    public JAXBContext jaxbContextReference(Nothing n) throws ReflectiveOperationException, JAXBException {
        String p = "io.github.walletdevice.thredd.";
        return JAXBContext.newInstance(Class.forName(p + "SoapSection"), Class.forName(p + "AuthSoapHeader"),
                Class.forName(p + "TokenDeviceManagementElement"));
    }

    private static LoopbackServer startWarmServer() {
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
