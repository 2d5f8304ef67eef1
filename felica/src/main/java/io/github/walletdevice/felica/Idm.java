package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
/**
 * The 8-byte Manufacture ID (IDm) of one system of a FeliCa card, held as a big-endian {@code long}.
 *
 * <p>Bytes 0–1 are the manufacturer code and bytes 2–7 the card identification number. The upper four bits of
 * byte 0 are the system number: system 0 has {@code 0x0_}, system 1 {@code 0x1_}, and so on, so each system of a
 * card answers with its own IDm. Prints as 16 uppercase hex digits, for example {@code 012E4CD4A1B2C3D4}.
 *
 * @param value the eight bytes in wire order, as a big-endian long
 */
public record Idm(long value) {

    /**
     * Creates an IDm from its 8 bytes in wire order.
     *
     * @param bytes exactly 8 bytes
     * @return the IDm
     * @throws IllegalArgumentException if {@code bytes} is not 8 bytes long
     * @throws NullPointerException if {@code bytes} is null
     */
    public static Idm of(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("an IDm is 8 bytes, got " + bytes.length);
        }
        return new Idm(Bytes.be64(bytes, 0));
    }

    /**
     * Parses 16 hex digits (spaces and colons are ignored).
     *
     * @param hex the IDm as hex, for example {@code "012E4CD4A1B2C3D4"}
     * @return the IDm
     * @throws IllegalArgumentException if the text is not 8 bytes of hex
     */
    public static Idm parse(String hex) {
        return new Idm(Bytes.parseLong8(hex, "an IDm"));
    }

    /**
     * Returns the 8 bytes in wire order (a new array each call).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return Bytes.be64(value);
    }

    /**
     * Returns the system number, the upper four bits of byte 0.
     *
     * @return 0–15
     */
    public int systemNumber() {
        return (int) (value >>> 60);
    }

    /**
     * Returns the manufacturer code: bytes 0–1 with the system-number bits cleared, so every system of one card
     * reports the same value.
     *
     * @return 0x0000–0x0FFF
     */
    public int manufacturerCode() {
        return (int) (value >>> 48) & 0x0FFF;
    }

    /**
     * Returns the card identification number, bytes 2–7.
     *
     * @return the 48-bit number
     */
    public long cardIdentificationNumber() {
        return value & 0xFFFF_FFFF_FFFFL;
    }

    /**
     * Returns this IDm with another system number in the upper four bits of byte 0.
     *
     * @param systemNumber 0–15
     * @return the IDm of that system
     * @throws IllegalArgumentException if {@code systemNumber} is outside 0–15
     */
    public Idm withSystemNumber(int systemNumber) {
        if (systemNumber < 0 || systemNumber > 15) {
            throw new IllegalArgumentException("system number must be 0–15, got " + systemNumber);
        }
        return new Idm((value & 0x0FFF_FFFF_FFFF_FFFFL) | ((long) systemNumber << 60));
    }

    /**
     * Tells whether this IDm starts with {@code 01 FE}, which marks an NFC-DEP (peer-to-peer) target rather than a
     * FeliCa card.
     *
     * @return true for an NFC-DEP target
     */
    public boolean isNfcDepTarget() {
        return (value >>> 48) == 0x01FE;
    }

    /**
     * Returns the IDm as 16 uppercase hex digits.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits(value);
    }
}
