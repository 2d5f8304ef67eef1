package io.github.walletdevice.benchmarks;

import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The FeliCa codec beside the cheapest thing that touches the same bytes: {@code System.arraycopy} into a
 * preallocated array. Decoding a 12-block Read Without Encryption response (205 bytes) and encoding a 12-block
 * Write Without Encryption command (230 bytes); {@code buildAndEncode} also constructs the command, as a caller
 * does per write.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FelicaCodecBenchmark {
    private static final int BLOCKS = 12;
    private static final Idm IDM = Idm.parse("012E4CD4A1B2C3D4");
    private static final ServiceCode SERVICE = ServiceCode.of(0x1009);

    private byte[] readResponse;
    private WriteWithoutEncryptionCommand writeCommand;
    private byte[] writeFrame;
    private List<ServiceCode> services;
    private List<BlockListElement> elements;
    private byte[] blockData;
    private byte[] target;

    @Setup(Level.Trial)
    public void setUp() {
        blockData = new byte[16 * BLOCKS];
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < blockData.length; i++) {
            blockData[i] = (byte) (i * 31 + 7);
        }
        for (int i = 0; i < BLOCKS; i++) {
            byte[] b = new byte[16];
            System.arraycopy(blockData, 16 * i, b, 0, 16);
            blocks.add(b);
        }
        readResponse = ReadWithoutEncryptionResponse.success(IDM, blocks).encode();
        services = List.of(SERVICE);
        elements = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            elements.add(BlockListElement.of(0, i));
        }
        elements = List.copyOf(elements);
        writeCommand = new WriteWithoutEncryptionCommand(IDM, services, elements, blockData);
        writeFrame = writeCommand.encode();
        target = new byte[Math.max(readResponse.length, writeFrame.length)];
        if (readResponse.length != 205 || writeFrame.length != 230
                || !(FelicaDecoder.decodeResponse(readResponse) instanceof ReadWithoutEncryptionResponse r)
                || r.blockCount() != BLOCKS) {
            throw new IllegalStateException("unexpected fixture frames");
        }
    }

    @Benchmark
    public FelicaResponse decode() {
        return FelicaDecoder.decodeResponse(readResponse);
    }

    @Benchmark
    public byte[] decodeBaseline() {
        System.arraycopy(readResponse, 0, target, 0, readResponse.length);
        return target;
    }

    @Benchmark
    public byte[] encode() {
        return writeCommand.encode();
    }

    @Benchmark
    public byte[] buildAndEncode() {
        return new WriteWithoutEncryptionCommand(IDM, services, elements, blockData).encode();
    }

    @Benchmark
    public byte[] encodeBaseline() {
        System.arraycopy(writeFrame, 0, target, 0, writeFrame.length);
        return target;
    }

    /** Not a pairing: the floor for any codec that returns a new array (allocate and copy, no parsing). */
    @Benchmark
    public byte[] cloneReference() {
        return writeFrame.clone();
    }
}
