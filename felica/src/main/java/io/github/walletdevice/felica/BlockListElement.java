package io.github.walletdevice.felica;

/**
 * One element of the block list of Read/Write Without Encryption: which service of the command's service list
 * (its order, 0–15), the access mode, and the block number.
 *
 * <p>On the wire the first byte holds the length flag (bit 7: 1 for the 2-byte form, 0 for the 3-byte form), the
 * access mode (bits 6–4) and the service code list order (bits 3–0). The 2-byte form then has the block number
 * (0–255); the 3-byte form has the block number little-endian (low byte first). Block 12 of service 0 is
 * {@code 80 0C}; block 256 is {@code 00 00 01}.
 *
 * <p>Blocks above 255 always use the 3-byte form, and the compact constructor sets {@code extended} for them.
 * A block number below 256 uses the 2-byte form unless {@code extended} is true; the decoder keeps the form it
 * read, so a 3-byte element for block 1 round-trips as such. Prints as {@code serviceIndex:blockNumber}, for
 * example {@code 0:12}, with {@code am=N} for a non-zero access mode and {@code 3-byte} for a forced long form.
 *
 * @param serviceIndex the Service Code List Order, 0–15 (an index into the command's service list)
 * @param accessMode the 3-bit access mode: 0 normal, 1 purse cashback, 4 key change; 0–7
 * @param blockNumber 0–65535
 * @param extended true for the 3-byte form
 */
public record BlockListElement(int serviceIndex, int accessMode, int blockNumber, boolean extended) {

    /** Access mode 0: normal access. */
    public static final int ACCESS_MODE_NORMAL = 0;
    /** Access mode 1: purse cashback. */
    public static final int ACCESS_MODE_PURSE_CASHBACK = 1;
    /** Access mode 4: key change (write only). */
    public static final int ACCESS_MODE_KEY_CHANGE = 4;

    /**
     * Checks the ranges, and picks the 3-byte form for blocks above 255.
     *
     * @param serviceIndex 0–15
     * @param accessMode 0–7
     * @param blockNumber 0–65535
     * @param extended true to force the 3-byte form
     * @throws IllegalArgumentException if a value is out of range
     */
    public BlockListElement {
        if (serviceIndex < 0 || serviceIndex > 15) {
            throw new IllegalArgumentException("service code list order must be 0–15 (4 bits), got " + serviceIndex);
        }
        if (accessMode < 0 || accessMode > 7) {
            throw new IllegalArgumentException("access mode must be 0–7 (3 bits), got " + accessMode);
        }
        if (blockNumber < 0 || blockNumber > 0xFFFF) {
            throw new IllegalArgumentException("block number must be 0–65535, got " + blockNumber);
        }
        if (blockNumber > 0xFF) {
            extended = true;
        }
    }

    /**
     * Returns a normal-access element for a block of the given service of the list, in the shortest form.
     *
     * @param serviceIndex 0–15
     * @param blockNumber 0–65535
     * @return the element
     * @throws IllegalArgumentException if a value is out of range
     */
    public static BlockListElement of(int serviceIndex, int blockNumber) {
        return new BlockListElement(serviceIndex, ACCESS_MODE_NORMAL, blockNumber, false);
    }

    /**
     * Returns an element with an access mode, in the shortest form.
     *
     * @param serviceIndex 0–15
     * @param accessMode 0–7
     * @param blockNumber 0–65535
     * @return the element
     * @throws IllegalArgumentException if a value is out of range
     */
    public static BlockListElement of(int serviceIndex, int accessMode, int blockNumber) {
        return new BlockListElement(serviceIndex, accessMode, blockNumber, false);
    }

    /**
     * Returns the number of bytes on the wire.
     *
     * @return 2 or 3
     */
    public int encodedLength() {
        return extended ? 3 : 2;
    }

    /**
     * Returns the wire bytes of this element.
     *
     * @return 2 or 3 bytes
     */
    public byte[] bytes() {
        int head = (accessMode << 4) | serviceIndex;
        return extended ? new byte[] {(byte) head, (byte) blockNumber, (byte) (blockNumber >>> 8)}
                : new byte[] {(byte) (0x80 | head), (byte) blockNumber};
    }

    /** Writes the element into a frame: the same bytes as {@link #bytes()}. */
    void writeTo(FrameWriter w) {
        int head = (accessMode << 4) | serviceIndex;
        if (extended) {
            w.u8(head).le16(blockNumber);
        } else {
            w.u8(0x80 | head).u8(blockNumber);
        }
    }

    /**
     * Decodes one element from {@code bytes} at {@code offset}.
     *
     * @param bytes the input
     * @param offset where the element starts
     * @return the element
     * @throws FelicaFormatException if the input is null, the offset lies outside it, or the input ends inside
     *     the element
     */
    public static BlockListElement decode(byte[] bytes, int offset) {
        if (bytes == null) {
            throw new FelicaFormatException(0, "input is null");
        }
        if (offset < 0 || offset > bytes.length) {
            throw new FelicaFormatException(Math.max(offset, 0), "offset " + offset + " is outside the "
                    + bytes.length + "-byte input");
        }
        FrameReader r = new FrameReader(bytes, offset, bytes.length);
        return read(r);
    }

    static BlockListElement read(FrameReader r) {
        int head = r.u8("block list element");
        int index = head & 0x0F;
        int mode = (head >>> 4) & 0x07;
        if ((head & 0x80) != 0) {
            return new BlockListElement(index, mode, r.u8("block number"), false);
        }
        return new BlockListElement(index, mode, r.le16("3-byte block number"), true);
    }

    /**
     * Returns {@code serviceIndex:blockNumber}, with the access mode and form when they are not the defaults.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String s = serviceIndex + ":" + blockNumber;
        if (accessMode != 0) {
            s += " am=" + accessMode;
        }
        if (extended && blockNumber <= 0xFF) {
            s += " 3-byte";
        }
        return s;
    }
}
