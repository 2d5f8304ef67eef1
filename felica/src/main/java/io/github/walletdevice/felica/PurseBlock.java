package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 16-byte block of a purse service: balance (bytes 0–3, unsigned, little-endian), cashback data (bytes
 * 4–9), user data (bytes 10–13) and execution id (bytes 14–15, little-endian).
 *
 * @param balance the balance, 0–4294967295
 * @param cashbackData the 6 bytes of cashback data
 * @param userData the 4 bytes of user data
 * @param executionId the execution id, 0–65535
 */
public record PurseBlock(long balance, byte[] cashbackData, byte[] userData, int executionId) {

    /** The size of a purse block. */
    public static final int SIZE = 16;

    /**
     * Checks the ranges and copies the arrays.
     *
     * @param balance 0–4294967295
     * @param cashbackData 6 bytes
     * @param userData 4 bytes
     * @param executionId 0–65535
     * @throws IllegalArgumentException if a value is out of range or an array has the wrong size
     * @throws NullPointerException if an array is null
     */
    public PurseBlock {
        if (balance < 0 || balance > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a purse balance is 4 bytes unsigned (0–4294967295), got " + balance);
        }
        cashbackData = Bytes.copyExact(cashbackData, 6, "cashback data");
        userData = Bytes.copyExact(userData, 4, "user data");
        if ((executionId & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an execution id is 2 bytes (0–65535), got " + executionId);
        }
    }

    /**
     * Returns a purse block with this balance and everything else zero.
     *
     * @param balance 0–4294967295
     * @return the purse block
     * @throws IllegalArgumentException if {@code balance} is out of range
     */
    public static PurseBlock of(long balance) {
        return new PurseBlock(balance, new byte[6], new byte[4], 0);
    }

    /**
     * Reads a purse block from 16 bytes.
     *
     * @param block the block data
     * @return the purse block
     * @throws IllegalArgumentException if {@code block} is not 16 bytes
     * @throws NullPointerException if {@code block} is null
     */
    public static PurseBlock parse(byte[] block) {
        Objects.requireNonNull(block, "block");
        if (block.length != SIZE) {
            throw new IllegalArgumentException("a purse block is 16 bytes, got " + block.length);
        }
        long balance = (block[0] & 0xFFL) | (block[1] & 0xFFL) << 8 | (block[2] & 0xFFL) << 16
                | (block[3] & 0xFFL) << 24;
        int exec = (block[14] & 0xFF) | (block[15] & 0xFF) << 8;
        return new PurseBlock(balance, Arrays.copyOfRange(block, 4, 10), Arrays.copyOfRange(block, 10, 14), exec);
    }

    /**
     * Returns the cashback data (a copy).
     *
     * @return 6 bytes
     */
    @Override
    public byte[] cashbackData() {
        return cashbackData.clone();
    }

    /**
     * Returns the user data (a copy).
     *
     * @return 4 bytes
     */
    @Override
    public byte[] userData() {
        return userData.clone();
    }

    /**
     * Returns a copy with another balance.
     *
     * @param newBalance 0–4294967295
     * @return the new purse block
     * @throws IllegalArgumentException if {@code newBalance} is out of range
     */
    public PurseBlock withBalance(long newBalance) {
        return new PurseBlock(newBalance, cashbackData, userData, executionId);
    }

    /**
     * Returns a copy with another execution id.
     *
     * @param newExecutionId 0–65535
     * @return the new purse block
     * @throws IllegalArgumentException if {@code newExecutionId} is out of range
     */
    public PurseBlock withExecutionId(int newExecutionId) {
        return new PurseBlock(balance, cashbackData, userData, newExecutionId);
    }

    /**
     * Returns the 16 bytes of the block.
     *
     * @return a new array
     */
    public byte[] toBytes() {
        byte[] b = new byte[SIZE];
        b[0] = (byte) balance;
        b[1] = (byte) (balance >>> 8);
        b[2] = (byte) (balance >>> 16);
        b[3] = (byte) (balance >>> 24);
        System.arraycopy(cashbackData, 0, b, 4, 6);
        System.arraycopy(userData, 0, b, 10, 4);
        b[14] = (byte) executionId;
        b[15] = (byte) (executionId >>> 8);
        return b;
    }

    /**
     * Compares by content.
     *
     * @param o the other object
     * @return true if {@code o} is a purse block with the same content
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PurseBlock p && p.balance == balance && p.executionId == executionId
                && Arrays.equals(p.cashbackData, cashbackData) && Arrays.equals(p.userData, userData);
    }

    /**
     * Hashes the content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(balance, executionId, Arrays.hashCode(cashbackData), Arrays.hashCode(userData));
    }

    /**
     * Returns a readable form, for example {@code PurseBlock[balance=500, cashbackData=000000000000, ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "PurseBlock[balance=" + balance + ", cashbackData=" + HEX.formatHex(cashbackData) + ", userData="
                + HEX.formatHex(userData) + ", executionId=" + executionId + "]";
    }
}
