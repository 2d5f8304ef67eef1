package io.github.walletdevice.benchmarks;

import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import java.nio.charset.StandardCharsets;

/**
 * A TES for a 3-round top-up, stateless so that every session (SDK or baseline) costs it the same: the round is
 * read from the request itself. Round 1 (no responses): read the purse and the card info. Round 2 (read
 * responses, code 07): write the new purse block and a history record. Round 3 (write responses, code 09):
 * done, with the balance. The written purse is always the same, so the card's state does not drift.
 */
final class TopUpTes {
    static final long BALANCE = 1500;

    static final String READ_PURSE = hex(ReadWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
            CardImages.PURSE, 0).encode());
    static final String READ_INFO = hex(ReadWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
            CardImages.CARD_INFO, 0).encode());
    static final String WRITE_PURSE = hex(WriteWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
            CardImages.PURSE, 0, PurseBlock.of(BALANCE).toBytes()).encode());
    static final String WRITE_HISTORY = hex(WriteWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
            CardImages.HISTORY, 0, historyRecord()).encode());

    private static final byte[] ROUND_1 = json("{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":["
            + "{\"commandId\":\"1\",\"command\":\"" + READ_PURSE + "\"},"
            + "{\"commandId\":\"2\",\"command\":\"" + READ_INFO + "\"}]}");
    private static final byte[] ROUND_2 = json("{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":["
            + "{\"commandId\":\"1\",\"command\":\"" + WRITE_PURSE + "\"},"
            + "{\"commandId\":\"2\",\"command\":\"" + WRITE_HISTORY + "\"}]}");
    private static final byte[] DONE = json("{\"statusCode\":0,\"statusMessage\":\"OK\",\"balance\":" + BALANCE + "}");
    private static final byte[] FAILED = json("{\"statusCode\":111,\"statusMessage\":\"Unexpected request\"}");

    private static final byte[] RESPONSE_KEY = "\"response\":\"".getBytes(StandardCharsets.US_ASCII);

    private TopUpTes() {
    }

    /** The answer to a getCardCommands request body. */
    static byte[] answer(byte[] request) {
        int at = indexOf(request, RESPONSE_KEY);
        if (at < 0) {
            return ROUND_1;
        }
        // The response frame's hex: LEN (2 digits), then the response code.
        int code = at + RESPONSE_KEY.length + 2;
        if (code + 1 < request.length && request[code] == '0') {
            if (request[code + 1] == '7') {
                return ROUND_2;
            }
            if (request[code + 1] == '9') {
                return DONE;
            }
        }
        return FAILED;
    }

    private static byte[] historyRecord() {
        byte[] r = new byte[16];
        r[0] = 0x01;
        r[4] = (byte) 1000;
        r[5] = (byte) (1000 >>> 8);
        r[8] = (byte) BALANCE;
        r[9] = (byte) (BALANCE >>> 8);
        r[12] = 1;
        return r;
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        return GatewayFixtures.hex(b);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
