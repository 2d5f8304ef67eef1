package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.thredd.ThreddClient;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A Thredd endpoint on loopback answering every list with 5 devices, the SDK client and the hand-written one. */
@State(Scope.Benchmark)
public class ThreddLoopback {
    LoopbackServer server;
    HttpTransport sdkTransport;
    ThreddClient sdk;
    HandWrittenThredd handWritten;

    @Setup(Level.Trial)
    public void start() {
        server = LoopbackServer.start(ThreddFixtures.CONTENT_TYPE, ThreddFixtures::answer);
        String url = server.baseUri().resolve(ThreddFixtures.PATH).toString();
        sdkTransport = HttpTransports.create("okhttp", TransportOptions.defaults());
        sdk = ThreddClient.builder().endpoint(url).credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD)
                .issCode(ThreddFixtures.ISS_CODE).transport(sdkTransport).build();
        handWritten = new HandWrittenThredd(new OkHttpClient(), url);
        if (sdk.tokenDevices().list(ThreddFixtures.token()).devices().size() != ThreddFixtures.DEVICES
                || handWritten.list().devices().size() != ThreddFixtures.DEVICES) {
            throw new IllegalStateException("unexpected answer from the loopback Thredd");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        sdk.close();
        sdkTransport.close();
        handWritten.close();
        server.close();
    }
}
