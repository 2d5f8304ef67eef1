package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Write Without Encryption ({@code 08}): write blocks of services that need no key. Frame:
 * {@code LEN 08 IDm m ServiceCode×m n BlockListElement×n BlockData(16×n)}, the data in block-list order.
 *
 * <p>1–16 services, at least one block, and a frame of at most 255 bytes: 13 blocks with one service and 2-byte
 * elements, 11 with 16 services and 3-byte elements. Cards often accept fewer (the per-IC table
 * of kormax/felica-tool's README on GitHub lists the maximum blocks per write of common ICs). The block data is held as one array of 16 × n bytes.
 *
 * @param idm the IDm of the system addressed
 * @param services 1–16 service codes
 * @param blocks the block list elements
 * @param blockData 16 bytes per block list element, in the same order
 */
public record WriteWithoutEncryptionCommand(Idm idm, List<ServiceCode> services, List<BlockListElement> blocks,
        byte[] blockData) implements FelicaCommand<WriteWithoutEncryptionResponse> {

    /** The command code, {@code 08}. */
    public static final byte CODE = 0x08;
    /** The most blocks that fit a frame (one service, 2-byte elements): (255 − 14) / 18. */
    public static final int MAX_BLOCKS = 13;

    /**
     * Checks the values and copies the lists and the data.
     *
     * @param idm not null
     * @param services 1–16 service codes
     * @param blocks at least one element
     * @param blockData 16 bytes per element
     * @throws IllegalArgumentException if a count is out of range, the data does not match the blocks, or the
     *     frame would exceed 255 bytes
     * @throws NullPointerException if a value is null
     */
    public WriteWithoutEncryptionCommand {
        Objects.requireNonNull(idm, "idm");
        services = FrameWriter.copyList(services, "services in Write Without Encryption", 1,
                ReadWithoutEncryptionCommand.MAX_SERVICES);
        blocks = FrameWriter.copyList(blocks, "blocks in Write Without Encryption", 1, MAX_BLOCKS);
        blockData = Bytes.copy(blockData, "blockData");
        if (blockData.length != 16 * blocks.size()) {
            throw new IllegalArgumentException("block data must be 16 bytes per block (" + 16 * blocks.size()
                    + " bytes for " + blocks.size() + " blocks), got " + blockData.length);
        }
        FrameWriter.checkLength(12 + 2 * services.size() + ReadWithoutEncryptionCommand.elementsLength(blocks)
                + blockData.length, "Write Without Encryption");
    }

    /**
     * Returns a command that writes one block of one service.
     *
     * @param idm the IDm
     * @param service the service
     * @param blockNumber the block number
     * @param data 16 bytes
     * @return the command
     * @throws IllegalArgumentException if the block number is out of range or the data is not 16 bytes
     * @throws NullPointerException if a value is null
     */
    public static WriteWithoutEncryptionCommand of(Idm idm, ServiceCode service, int blockNumber, byte[] data) {
        return new WriteWithoutEncryptionCommand(idm, List.of(service), List.of(BlockListElement.of(0, blockNumber)),
                data);
    }

    /**
     * Returns a command from separate 16-byte blocks.
     *
     * @param idm the IDm
     * @param services 1–16 service codes
     * @param blocks the block list elements
     * @param data one 16-byte array per element, in the same order
     * @return the command
     * @throws IllegalArgumentException if a limit is exceeded or a block is not 16 bytes
     * @throws NullPointerException if a value is null
     */
    public static WriteWithoutEncryptionCommand of(Idm idm, List<ServiceCode> services, List<BlockListElement> blocks,
            List<byte[]> data) {
        byte[] all = new byte[16 * data.size()];
        for (int i = 0; i < data.size(); i++) {
            byte[] b = data.get(i);
            if (b.length != 16) {
                throw new IllegalArgumentException("block " + i + " must be 16 bytes, got " + b.length);
            }
            System.arraycopy(b, 0, all, 16 * i, 16);
        }
        return new WriteWithoutEncryptionCommand(idm, services, blocks, all);
    }

    /**
     * Returns the block data (a copy), 16 bytes per block in block-list order.
     *
     * @return the data
     */
    @Override
    public byte[] blockData() {
        return blockData.clone();
    }

    /**
     * Returns the data of one block (a copy).
     *
     * @param index 0 to the number of blocks − 1
     * @return 16 bytes
     * @throws IndexOutOfBoundsException if there is no such block
     */
    public byte[] block(int index) {
        Objects.checkIndex(index, blocks.size());
        return Arrays.copyOfRange(blockData, 16 * index, 16 * index + 16);
    }

    /**
     * Returns the data of every block (copies).
     *
     * @return 16-byte arrays in block-list order
     */
    public List<byte[]> blockDataList() {
        List<byte[]> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            out.add(block(i));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Class<WriteWithoutEncryptionResponse> responseType() {
        return WriteWithoutEncryptionResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        return pmm.writeTimeout(blocks.size());
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("serviceCodes", Details.codes(services), "blocks", Details.blocks(blocks),
                "blockData", Details.blockData(blockData));
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "WriteWithoutEncryption";
    }

    @Override
    public int length() {
        return 12 + 2 * services.size() + ReadWithoutEncryptionCommand.elementsLength(blocks) + blockData.length;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm);
        ReadWithoutEncryptionCommand.writeServicesAndBlocks(w, services, blocks);
        return w.bytes(blockData).done();
    }

    static WriteWithoutEncryptionCommand read(FrameReader r) {
        Idm idm = r.idm();
        List<ServiceCode> services = ReadWithoutEncryptionCommand.readServices(r);
        List<BlockListElement> blocks = ReadWithoutEncryptionCommand.readBlocks(r, MAX_BLOCKS);
        int size = 16 * blocks.size();
        if (r.remaining() != size) {
            throw new FelicaFormatException(r.position(), blocks.size() + " blocks need " + size + " bytes of block data but "
                    + r.remaining() + " bytes follow");
        }
        byte[] data = r.bytes(size, "the block data");
        return new WriteWithoutEncryptionCommand(idm, services, blocks, data);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a command with equal fields and equal block data
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof WriteWithoutEncryptionCommand x && x.idm.equals(idm) && x.services.equals(services)
                && x.blocks.equals(blocks) && Arrays.equals(x.blockData, blockData);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, services, blocks, Arrays.hashCode(blockData));
    }

    /**
     * Returns a readable form, for example
     * {@code WriteWithoutEncryptionCommand[idm=…, services=[1011], blocks=[0:0], blockData=[F401…]]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WriteWithoutEncryptionCommand[idm=").append(idm).append(", services=")
                .append(services).append(", blocks=").append(blocks).append(", blockData=[");
        for (int i = 0; i < blocks.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(HEX.formatHex(blockData, 16 * i, 16 * i + 16));
        }
        return sb.append("]]").toString();
    }
}
