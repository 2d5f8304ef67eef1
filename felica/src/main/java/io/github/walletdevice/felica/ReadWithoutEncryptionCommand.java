package io.github.walletdevice.felica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read Without Encryption ({@code 06}): read blocks of services that need no key. Frame:
 * {@code LEN 06 IDm m ServiceCode×m (little-endian) n BlockListElement×n}.
 *
 * <p>1–16 services and 1–15 blocks (a response can carry at most 15 blocks; cards often allow fewer: the
 * per-IC table of kormax/felica-tool's README on GitHub lists the maximum blocks per read of common ICs). Each block list element names a service by its position in
 * {@code services}; a position beyond the list is left for the card to reject (status {@code A3}), and the order
 * of services and blocks is free. Prints as
 * {@code ReadWithoutEncryptionCommand[idm=0123456789ABCDEF, services=[090F], blocks=[0:0, 0:1]]}.
 *
 * @param idm the IDm of the system addressed
 * @param services 1–16 service codes
 * @param blocks 1–15 block list elements
 */
public record ReadWithoutEncryptionCommand(Idm idm, List<ServiceCode> services, List<BlockListElement> blocks)
        implements FelicaCommand<ReadWithoutEncryptionResponse> {

    /** The command code, {@code 06}. */
    public static final byte CODE = 0x06;
    /** The most services a Read or Write Without Encryption can name (the list order is 4 bits). */
    public static final int MAX_SERVICES = 16;
    /** The most blocks one Read Without Encryption can read: (255 − 13) / 16. */
    public static final int MAX_BLOCKS = 15;

    /**
     * Checks the values and copies the lists.
     *
     * @param idm not null
     * @param services 1–16 service codes
     * @param blocks 1–15 block list elements
     * @throws IllegalArgumentException if a count is out of range
     * @throws NullPointerException if a value is null
     */
    public ReadWithoutEncryptionCommand {
        Objects.requireNonNull(idm, "idm");
        services = FrameWriter.copyList(services, "services in Read Without Encryption", 1, MAX_SERVICES);
        blocks = FrameWriter.copyList(blocks, "blocks in Read Without Encryption", 1, MAX_BLOCKS);
    }

    /**
     * Returns a command that reads the given blocks of one service.
     *
     * @param idm the IDm
     * @param service the service
     * @param blockNumbers 1–15 block numbers
     * @return the command
     * @throws IllegalArgumentException if there are not 1–15 blocks or a block number is out of range
     * @throws NullPointerException if a value is null
     */
    public static ReadWithoutEncryptionCommand of(Idm idm, ServiceCode service, int... blockNumbers) {
        List<BlockListElement> elements = new ArrayList<>(blockNumbers.length);
        for (int b : blockNumbers) {
            elements.add(BlockListElement.of(0, b));
        }
        return new ReadWithoutEncryptionCommand(idm, List.of(service), elements);
    }

    @Override
    public Class<ReadWithoutEncryptionResponse> responseType() {
        return ReadWithoutEncryptionResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.readTimeout(blocks.size());
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("serviceCodes", Details.codes(services), "blocks", Details.blocks(blocks));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "ReadWithoutEncryption";
    }

    @Override
    public int length() {
        return 12 + 2 * services.size() + elementsLength(blocks);
    }

    static int elementsLength(List<BlockListElement> blocks) {
        int n = 0;
        for (BlockListElement e : blocks) {
            n += e.encodedLength();
        }
        return n;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm);
        writeServicesAndBlocks(w, services, blocks);
        return w.done();
    }

    static void writeServicesAndBlocks(FrameWriter w, List<ServiceCode> services, List<BlockListElement> blocks) {
        w.u8(services.size());
        for (ServiceCode s : services) {
            w.le16(s.value());
        }
        w.u8(blocks.size());
        for (BlockListElement e : blocks) {
            e.writeTo(w);
        }
    }

    static List<ServiceCode> readServices(FrameReader r) {
        int m = r.count("the number of services", 1, MAX_SERVICES);
        r.need(2 * m, m + " service codes");
        ServiceCode[] services = new ServiceCode[m];
        for (int i = 0; i < m; i++) {
            services[i] = new ServiceCode(r.le16("a service code"));
        }
        return List.of(services);
    }

    static List<BlockListElement> readBlocks(FrameReader r, int max) {
        int n = r.count("the number of blocks", 1, max);
        BlockListElement[] blocks = new BlockListElement[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = BlockListElement.read(r);
        }
        return List.of(blocks);
    }

    static ReadWithoutEncryptionCommand read(FrameReader r) {
        Idm idm = r.idm();
        List<ServiceCode> services = readServices(r);
        List<BlockListElement> blocks = readBlocks(r, MAX_BLOCKS);
        r.end("Read Without Encryption command");
        return new ReadWithoutEncryptionCommand(idm, services, blocks);
    }
}
