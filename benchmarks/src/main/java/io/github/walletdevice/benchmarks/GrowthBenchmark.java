package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * How cost grows with size: the FeliCa codec against the number of blocks (Read Without Encryption, 1–15, the
 * codec's limit) and the Thredd client against the number of devices in a list answer (0–50). Time and bytes
 * allocated per call should grow by a constant amount per block or device.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrowthBenchmark {
    private static final Idm IDM = Idm.parse("012E4CD4A1B2C3D4");
    private static final ServiceCode SERVICE = ServiceCode.of(0x100B);
    private static final HttpHeaders SOAP = HttpHeaders.of("Content-Type", ThreddFixtures.CONTENT_TYPE);

    /** A Read Without Encryption command and its response with {@code blocks} blocks, as objects and frames. */
    @State(Scope.Thread)
    public static class Frames {
        /** The number of blocks. */
        @Param({"1", "2", "4", "8", "12", "15"})
        public int blocks;

        ReadWithoutEncryptionCommand command;
        ReadWithoutEncryptionResponse response;
        byte[] commandFrame;
        byte[] responseFrame;

        /** Builds the command and response once and checks that their frames decode to the same block count. */
        @Setup(Level.Trial)
        public void setUp() {
            int[] numbers = new int[blocks];
            List<byte[]> data = new ArrayList<>();
            for (int i = 0; i < blocks; i++) {
                numbers[i] = i;
                byte[] block = new byte[ReadWithoutEncryptionResponse.BLOCK_SIZE];
                for (int j = 0; j < block.length; j++) {
                    block[j] = (byte) (i * 31 + j * 7);
                }
                data.add(block);
            }
            command = ReadWithoutEncryptionCommand.of(IDM, SERVICE, numbers);
            response = ReadWithoutEncryptionResponse.success(IDM, data);
            commandFrame = command.encode();
            responseFrame = response.encode();
            if (!(FelicaDecoder.decodeCommand(commandFrame) instanceof ReadWithoutEncryptionCommand c)
                    || c.blocks().size() != blocks
                    || !(FelicaDecoder.decodeResponse(responseFrame) instanceof ReadWithoutEncryptionResponse r)
                    || r.blockCount() != blocks) {
                throw new IllegalStateException("unexpected fixture frames");
            }
        }
    }

    /** A Thredd client whose transport answers every list with {@code devices} devices, without a network. */
    @State(Scope.Thread)
    public static class Thredd {
        /** The number of devices in the answer. */
        @Param({"0", "1", "5", "10", "25", "50"})
        public int devices;

        ThreddClient client;
        private InMemoryTransport transport;

        /** Builds the client and checks that a list reads back {@code devices} devices. */
        @Setup(Level.Trial)
        public void setUp() {
            UnaryOperator<byte[]> answer = ThreddFixtures.answerWith(devices);
            transport = new InMemoryTransport(
                    request -> HttpResponse.ofOwnedBody(200, SOAP, answer.apply(request.bodyUnsafe())));
            client = ThreddClient.builder().endpoint("http://127.0.0.1:8080" + ThreddFixtures.PATH)
                    .credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD).issCode(ThreddFixtures.ISS_CODE)
                    .transport(transport).build();
            if (client.tokenDevices().list(ThreddFixtures.token()).devices().size() != devices) {
                throw new IllegalStateException("unexpected device count");
            }
        }

        /** Closes the client and its transport. */
        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            transport.close();
        }
    }

    /** Decodes a response frame of {@code blocks} blocks. */
    @Benchmark
    public FelicaResponse felicaDecodeResponse(Frames f) {
        return FelicaDecoder.decodeResponse(f.responseFrame);
    }

    /** Encodes a response of {@code blocks} blocks. */
    @Benchmark
    public byte[] felicaEncodeResponse(Frames f) {
        return f.response.encode();
    }

    /** Decodes a command frame with {@code blocks} block list elements. */
    @Benchmark
    public FelicaCommand<?> felicaDecodeCommand(Frames f) {
        return FelicaDecoder.decodeCommand(f.commandFrame);
    }

    /** Encodes a command with {@code blocks} block list elements. */
    @Benchmark
    public byte[] felicaEncodeCommand(Frames f) {
        return f.command.encode();
    }

    /** One list call: the request built and sent, the answer of {@code devices} devices read. */
    @Benchmark
    public TokenDeviceList threddList(Thredd t) {
        return t.client.tokenDevices().list(ThreddFixtures.token());
    }
}
