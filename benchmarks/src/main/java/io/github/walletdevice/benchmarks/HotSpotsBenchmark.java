package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.StatusFlag1;
import io.github.walletdevice.felica.StatusFlag2;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.thredd.ThreddDateTime;
import io.github.walletdevice.thredd.TokenDevice;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pieces the JFR profiles of the client benchmarks point at, each measured alone through public API, so that
 * a fix shows up here before and after (docs/benchmarks-history.md, Findings). Not paired with baselines, except the JSON
 * codec with the hand-written client's Jackson data binding.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HotSpotsBenchmark {
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:8080" + GatewayFixtures.PATH);
    private static final Runnable NOTHING = () -> { };
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private CardCommandsRequest gatewayRequest;
    private HandWrittenGateway.Request handWrittenRequest;
    private byte[] json;
    private byte[] blockData;
    private Idm idm;

    @Setup(Level.Trial)
    public void setUp() {
        gatewayRequest = GatewayFixtures.sdkRequest();
        handWrittenRequest = GatewayFixtures.handWrittenRequest();
        json = GatewayJson.write(gatewayRequest);
        blockData = new byte[16 * 12];
        idm = Idm.parse("012E4CD4A1B2C3D4");
    }

    /** Parsing an empty date: TokenDevice's builder did it twice per device through 7 failed layouts (finding 3). */
    @Benchmark
    public ThreddDateTime threddDateEmpty() {
        return ThreddDateTime.parse("");
    }

    /** The documented layout, first in the list: no exception. */
    @Benchmark
    public ThreddDateTime threddDateDocumented() {
        return ThreddDateTime.parse("2024-03-05 101112");
    }

    /** The layout with colons, second in the list: it cost one DateTimeParseException before finding 4. */
    @Benchmark
    public ThreddDateTime threddDateWithColons() {
        return ThreddDateTime.parse("2024-03-05 10:11:12");
    }

    /** A device builder, made once per device in every list answer. */
    @Benchmark
    public TokenDevice.Builder tokenDeviceBuilder() {
        return TokenDevice.builder();
    }

    /** A configured XMLInputFactory made per call, as SafeXmlReader did on every response before finding 5. */
    @Benchmark
    public XMLInputFactory xmlInputFactoryPerCall() throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused");
        });
        return f;
    }

    /** The transport request a gateway call builds (method check, header checks, body copy). */
    @Benchmark
    public HttpRequest httpRequestBuild() {
        return HttpRequest.builder().method("POST").uri(ENDPOINT).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("x-actor-id", GatewayFixtures.ACTOR_ID).body(json)
                .build();
    }

    /** The SDK's request JSON: a tree, then bytes. */
    @Benchmark
    public byte[] gatewayJsonWrite() {
        return GatewayJson.write(gatewayRequest);
    }

    /** The hand-written client's request JSON: data binding of a record. */
    @Benchmark
    public byte[] handWrittenJsonWrite() {
        return HandWrittenGateway.write(handWrittenRequest);
    }

    /** The SDK's answer reading: a tree, lenient typed fields, validated commands. */
    @Benchmark
    public GatewayResponse gatewayJsonRead() {
        return GatewayJson.readResponse(GatewayApi.CARD_COMMANDS, GatewayFixtures.ANSWER);
    }

    /** The hand-written client's answer reading: data binding into records. */
    @Benchmark
    public HandWrittenGateway.Answer handWrittenJsonRead() {
        return HandWrittenGateway.read(GatewayFixtures.ANSWER);
    }

    /** The decoder's second copy of the block data: the response constructor clones what the reader copied. */
    @Benchmark
    public ReadWithoutEncryptionResponse felicaResponseConstructor() {
        return new ReadWithoutEncryptionResponse(idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, blockData);
    }

    /** One per-call timer as the transports arm them (deadline, body idle timer), cancelled at once. */
    @Benchmark
    public boolean deadlineTimer() {
        ScheduledFuture<?> timer = Deadlines.schedule(NOTHING, MINUTE);
        return timer.cancel(false);
    }
}
