package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.FelicaVersion;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SpecificationVersion;
import io.github.walletdevice.felica.SystemCode;
import java.nio.charset.StandardCharsets;

/**
 * Ready-made card images.
 *
 * <h2>{@link #transitSample()}: a transit e-purse card</h2>
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>System</th><th>Node</th><th>Code</th><th>Attribute</th><th>Blocks</th></tr>
 *   <tr><td rowspan="7">0: {@code 0003}, IDm {@code 012E4CD4A1B2C3D4}, PMm {@link CardImage#DEFAULT_PMM}</td>
 *       <td>area</td><td>{@code 1000}–{@code 13FF}</td><td>00</td><td>—</td></tr>
 *   <tr><td>purse</td><td>{@link #PURSE} {@code 1011}</td><td>purse, direct, without key</td>
 *       <td>1: a {@link PurseBlock}, balance in bytes 0–3 little-endian</td></tr>
 *   <tr><td>purse (read-only view)</td><td>{@link #PURSE_READ_ONLY} {@code 1017}</td>
 *       <td>purse, read-only, without key; overlaps {@code 1011}</td><td>(shared)</td></tr>
 *   <tr><td>history</td><td>{@link #HISTORY} {@code 104D}</td><td>cyclic, read/write, without key</td>
 *       <td>10, block 0 the newest; all zero at first</td></tr>
 *   <tr><td>protected data</td><td>{@link #PROTECTED} {@code 1088}</td><td>random, read/write, with key</td>
 *       <td>2; any access without encryption gets {@code 01 A5}</td></tr>
 *   <tr><td>card info</td><td>{@link #CARD_INFO} {@code 10CB}</td><td>random, read-only, without key</td>
 *       <td>1: the card account id in ASCII, zero-padded to 16 bytes</td></tr>
 *   <tr><td colspan="4">Request Specification Version answers 3.0.0 without options.</td></tr>
 *   <tr><td>1: {@code FE00}, IDm {@code 112E4CD4A1B2C3D4}</td><td>service</td><td>{@link #COMMON_INFO}
 *       {@code 004B}</td><td>random, read-only, without key</td><td>1, all zero</td></tr>
 * </table>
 *
 * <p>A top-up on this card: Polling {@code 0003} (or {@code FFFF}); Read Without Encryption of {@code 1011} block
 * 0; Write Without Encryption of {@code 1011} block 0 with the new {@link PurseBlock}; Write Without Encryption
 * of {@code 104D} block 0 with a history record (which pushes the older records down); read both back. A
 * suggested 16-byte history record: byte 0 the kind ({@code 01} top-up, {@code 02} fare), bytes 4–7 the amount
 * and bytes 8–11 the balance after, both little-endian, bytes 12–15 a sequence number; the card does not
 * interpret it.
 */
public final class CardImages {

    /** System 0 of the sample: {@code 0003}. */
    public static final SystemCode TRANSIT_SYSTEM = SystemCode.of(0x0003);
    /** System 1 of the sample: {@code FE00}. */
    public static final SystemCode COMMON_SYSTEM = SystemCode.of(0xFE00);
    /** The IDm of system 0 of the sample; system 1 has {@code 112E4CD4A1B2C3D4}. */
    public static final Idm TRANSIT_IDM = Idm.parse("012E4CD4A1B2C3D4");
    /** The area holding the transit services: {@code 1000}, ending at {@code 13FF}. */
    public static final AreaCode TRANSIT_AREA = AreaCode.of(0x1000);
    /** The purse: {@code 1011}, purse, direct, without key; one block. */
    public static final ServiceCode PURSE = ServiceCode.of(0x1011);
    /** A read-only view of the purse: {@code 1017}, purse, read-only, without key (overlap of {@code 1011}). */
    public static final ServiceCode PURSE_READ_ONLY = ServiceCode.of(0x1017);
    /** The history: {@code 104D}, cyclic, read/write, without key; 10 blocks. */
    public static final ServiceCode HISTORY = ServiceCode.of(0x104D);
    /** Key-protected data: {@code 1088}, random, read/write, with key; 2 blocks. */
    public static final ServiceCode PROTECTED = ServiceCode.of(0x1088);
    /** The card info: {@code 10CB}, random, read-only, without key; block 0 holds the card account id. */
    public static final ServiceCode CARD_INFO = ServiceCode.of(0x10CB);
    /** The service of system 1: {@code 004B}, random, read-only, without key; one block. */
    public static final ServiceCode COMMON_INFO = ServiceCode.of(0x004B);
    /** The number of history records. */
    public static final int HISTORY_BLOCKS = 10;
    /** The balance of {@link #transitSample()}. */
    public static final long DEFAULT_BALANCE = 500;
    /** The card account id of {@link #transitSample()}. */
    public static final String DEFAULT_CARD_ACCOUNT_ID = "WD00000000000001";

    private CardImages() {
    }

    /**
     * Returns the sample transit card with balance {@value #DEFAULT_BALANCE} and card account id
     * {@value #DEFAULT_CARD_ACCOUNT_ID}.
     *
     * @return the card image
     */
    public static CardImage transitSample() {
        return transitSample(DEFAULT_BALANCE, DEFAULT_CARD_ACCOUNT_ID);
    }

    /**
     * Returns the sample transit card with the given balance and card account id.
     *
     * @param balance the purse balance, 0–4294967295
     * @param cardAccountId 1–16 ASCII characters, stored in block 0 of {@link #CARD_INFO}
     * @return the card image
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if {@code cardAccountId} is null
     */
    public static CardImage transitSample(long balance, String cardAccountId) {
        byte[] id = cardAccountId.getBytes(StandardCharsets.US_ASCII);
        if (id.length < 1 || id.length > 16 || !StandardCharsets.US_ASCII.newEncoder().canEncode(cardAccountId)) {
            throw new IllegalArgumentException("the card account id must be 1–16 ASCII characters, got \""
                    + cardAccountId + "\"");
        }
        byte[] info = new byte[16];
        System.arraycopy(id, 0, info, 0, id.length);
        return CardImage.builder()
                .idm(TRANSIT_IDM)
                .specificationVersion(SpecificationVersion.of(FelicaVersion.of(3, 0, 0)))
                .system(TRANSIT_SYSTEM, s -> s
                        .area(TRANSIT_AREA, 0x13FF)
                        .service(PURSE, PurseBlock.of(balance).toBytes())
                        .overlapService(PURSE_READ_ONLY, PURSE)
                        .service(HISTORY, HISTORY_BLOCKS)
                        .service(PROTECTED, 2)
                        .service(CARD_INFO, info))
                .system(COMMON_SYSTEM, s -> s.service(COMMON_INFO, 1))
                .build();
    }

    /**
     * Reads the card account id stored by {@link #transitSample(long, String)} from block 0 of {@link #CARD_INFO}.
     *
     * @param block the 16 bytes of the block
     * @return the id, without the zero padding
     * @throws IllegalArgumentException if the block is not 16 bytes
     * @throws NullPointerException if {@code block} is null
     */
    public static String cardAccountId(byte[] block) {
        if (block.length != 16) {
            throw new IllegalArgumentException("a block is 16 bytes, got " + block.length);
        }
        int n = 0;
        while (n < 16 && block[n] != 0) {
            n++;
        }
        return new String(block, 0, n, StandardCharsets.US_ASCII);
    }
}
