package io.github.walletdevice.examples.tes;

/**
 * The 16-byte record the simulated TES writes to the card's cyclic history service on each purse update. The layout
 * is this example's own (real transit operators each have theirs): byte 0 type ({@code 01} top-up, {@code 02}
 * debit), byte 1 reserved {@code 00}, bytes 2–5 amount, bytes 6–9 balance after, bytes 10–11 the purse's execution
 * id after the update, bytes 12–15 the time in Unix seconds; numbers unsigned little-endian, as the purse's.
 *
 * @param type 1 top-up, 2 debit
 * @param amount the amount moved, 0 or more
 * @param balanceAfter the balance after the update
 * @param executionId the purse's execution id after the update
 * @param epochSeconds when, in Unix seconds
 */
record HistoryRecord(int type, long amount, long balanceAfter, int executionId, long epochSeconds) {
    static final int TOP_UP = 0x01;
    static final int DEBIT = 0x02;

    byte[] toBytes() {
        byte[] b = new byte[16];
        b[0] = (byte) type;
        putLe(b, 2, amount, 4);
        putLe(b, 6, balanceAfter, 4);
        putLe(b, 10, executionId, 2);
        putLe(b, 12, epochSeconds, 4);
        return b;
    }

    static HistoryRecord parse(byte[] b) {
        return new HistoryRecord(b[0] & 0xFF, le(b, 2, 4), le(b, 6, 4), (int) le(b, 10, 2), le(b, 12, 4));
    }

    private static void putLe(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
