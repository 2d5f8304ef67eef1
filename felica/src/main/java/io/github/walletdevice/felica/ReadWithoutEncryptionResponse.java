package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to Read Without Encryption ({@code 07}): {@code LEN 07 IDm SF1 SF2 [n BlockData(16×n)]}. The block
 * count and data follow only when Status Flag 1 is {@code 00}; an error body ends after Status Flag 2.
 *
 * <p>The block data is held as one array of 16 × n bytes in block-list order; {@link #block(int)} and
 * {@link #blocks()} return copies of single blocks.
 *
 * @param idm the IDm
 * @param statusFlag1 Status Flag 1
 * @param statusFlag2 Status Flag 2
 * @param blockData 16 × (1–15) bytes when Status Flag 1 is {@code 00}, else empty
 */
public record ReadWithoutEncryptionResponse(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2,
        byte[] blockData) implements StatusFlagResponse {

    /** The response code, {@code 07}. */
    public static final byte CODE = 0x07;
    /** The size of a block. */
    public static final int BLOCK_SIZE = 16;

    /**
     * Checks the values and copies the data.
     *
     * @param idm not null
     * @param statusFlag1 not null
     * @param statusFlag2 not null
     * @param blockData 16 × (1–15) bytes when Status Flag 1 is {@code 00}, else empty
     * @throws IllegalArgumentException if the data does not fit the status
     * @throws NullPointerException if a value is null
     */
    public ReadWithoutEncryptionResponse {
        Objects.requireNonNull(idm, "idm");
        Objects.requireNonNull(statusFlag1, "statusFlag1");
        Objects.requireNonNull(statusFlag2, "statusFlag2");
        blockData = Bytes.copy(blockData, "blockData");
        if (!statusFlag1.isSuccess()) {
            if (blockData.length != 0) {
                throw new IllegalArgumentException("an error response (Status Flag 1 " + statusFlag1
                        + ") carries no block data");
            }
        } else if (blockData.length % BLOCK_SIZE != 0 || blockData.length == 0
                || blockData.length > BLOCK_SIZE * ReadWithoutEncryptionCommand.MAX_BLOCKS) {
            throw new IllegalArgumentException("block data must be 16 × (1–15) bytes, got " + blockData.length);
        }
    }

    /**
     * Returns a successful response with the given blocks.
     *
     * @param idm the IDm
     * @param blocks 1–15 blocks of 16 bytes
     * @return the response
     * @throws IllegalArgumentException if a block is not 16 bytes or there are not 1–15 blocks
     * @throws NullPointerException if a value is null
     */
    public static ReadWithoutEncryptionResponse success(Idm idm, List<byte[]> blocks) {
        byte[] data = new byte[blocks.size() * BLOCK_SIZE];
        for (int i = 0; i < blocks.size(); i++) {
            byte[] b = blocks.get(i);
            if (b.length != BLOCK_SIZE) {
                throw new IllegalArgumentException("block " + i + " must be 16 bytes, got " + b.length);
            }
            System.arraycopy(b, 0, data, i * BLOCK_SIZE, BLOCK_SIZE);
        }
        return new ReadWithoutEncryptionResponse(idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, data);
    }

    /**
     * Returns an error response.
     *
     * @param idm the IDm
     * @param statusFlag1 a Status Flag 1 other than {@code 00}
     * @param statusFlag2 Status Flag 2
     * @return the response
     * @throws IllegalArgumentException if {@code statusFlag1} is {@code 00}
     * @throws NullPointerException if a value is null
     */
    public static ReadWithoutEncryptionResponse error(Idm idm, StatusFlag1 statusFlag1, StatusFlag2 statusFlag2) {
        if (statusFlag1.isSuccess()) {
            throw new IllegalArgumentException("an error response needs a Status Flag 1 other than 00");
        }
        return new ReadWithoutEncryptionResponse(idm, statusFlag1, statusFlag2, Bytes.EMPTY);
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
     * Returns the number of blocks.
     *
     * @return 0 for an error body, else 1–15
     */
    public int blockCount() {
        return blockData.length / BLOCK_SIZE;
    }

    /**
     * Returns one block (a copy).
     *
     * @param index 0 to {@link #blockCount()} − 1, in block-list order
     * @return 16 bytes
     * @throws IndexOutOfBoundsException if there is no such block
     */
    public byte[] block(int index) {
        Objects.checkIndex(index, blockCount());
        return Arrays.copyOfRange(blockData, index * BLOCK_SIZE, (index + 1) * BLOCK_SIZE);
    }

    /**
     * Returns all blocks (copies).
     *
     * @return the blocks in block-list order, empty for an error body
     */
    public List<byte[]> blocks() {
        List<byte[]> out = new ArrayList<>(blockCount());
        for (int i = 0; i < blockCount(); i++) {
            out.add(block(i));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Map<String, Object> details() {
        return statusFlag1.isSuccess() ? Details.of("blockData", Details.blockData(blockData)) : Map.of();
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
        return statusFlag1.isSuccess() ? 13 + blockData.length : 12;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.of(idm);
    }

    @Override
    public byte[] encode() {
        FrameWriter w = FrameWriter.start(length(), CODE).idm(idm).u8(statusFlag1.value()).u8(statusFlag2.value());
        if (statusFlag1.isSuccess()) {
            w.u8(blockCount()).bytes(blockData);
        }
        return w.done();
    }

    static ReadWithoutEncryptionResponse read(FrameReader r) {
        Idm idm = r.idm();
        StatusFlag1 sf1 = StatusFlag1.of(r.u8("Status Flag 1"));
        StatusFlag2 sf2 = StatusFlag2.of(r.u8("Status Flag 2"));
        if (!sf1.isSuccess()) {
            r.end("Read Without Encryption error response");
            return new ReadWithoutEncryptionResponse(idm, sf1, sf2, Bytes.EMPTY);
        }
        int n = r.count("the number of blocks", 1, ReadWithoutEncryptionCommand.MAX_BLOCKS);
        int size = n * BLOCK_SIZE;
        if (r.remaining() != size) {
            throw new FelicaFormatException(r.position(), "the block count says " + n + " blocks (" + size
                    + " bytes) but " + r.remaining() + " bytes follow");
        }
        byte[] data = r.bytes(size, "the block data");
        return new ReadWithoutEncryptionResponse(idm, sf1, sf2, data);
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true for a response with equal fields and equal block data
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReadWithoutEncryptionResponse x && x.idm.equals(idm) && x.statusFlag1.equals(statusFlag1)
                && x.statusFlag2.equals(statusFlag2) && Arrays.equals(x.blockData, blockData);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(idm, statusFlag1, statusFlag2, Arrays.hashCode(blockData));
    }

    /**
     * Returns a readable form, for example
     * {@code ReadWithoutEncryptionResponse[idm=0123456789ABCDEF, statusFlag1=00, statusFlag2=00, blocks=[00…]]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReadWithoutEncryptionResponse[idm=").append(idm)
                .append(", statusFlag1=").append(statusFlag1).append(", statusFlag2=").append(statusFlag2);
        if (!statusFlag2.isSuccess()) {
            sb.append(" (").append(statusFlag2.meaning()).append(')');
        }
        if (statusFlag1.isSuccess()) {
            sb.append(", blocks=[");
            for (int i = 0; i < blockCount(); i++) {
                sb.append(i == 0 ? "" : ", ").append(HEX.formatHex(blockData, i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
