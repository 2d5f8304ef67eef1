package io.github.walletdevice.examples;

import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.felica.FelicaFrameDescriber;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceCode;
import java.io.PrintWriter;
import java.util.HexFormat;

/**
 * Reading FeliCa frames out of a log: build a command, decode the card's answer against it (which checks the
 * response code and the IDm echo), and explain both.
 */
public final class DecodeFrameExample {
    /** A Read Without Encryption answer as it might appear in a TSH log: one block, balance 500 (0x01F4). */
    static final String LOGGED_RESPONSE = "1D07012E4CD4A1B2C3D4000001F4010000000000000000000000000000";

    private DecodeFrameExample() {
    }

    /**
     * Encodes a read command, decodes the logged response against it and prints both.
     *
     * @param out where to print
     * @return the decoded response
     */
    public static ReadWithoutEncryptionResponse run(PrintWriter out) {
        HexFormat hex = HexFormat.of().withUpperCase();
        ReadWithoutEncryptionCommand command =
                ReadWithoutEncryptionCommand.of(Idm.parse("012E4CD4A1B2C3D4"), ServiceCode.of(0x1011), 0);
        byte[] commandFrame = command.encode(); // with the LEN byte, as Android's NfcF.transceive wants it
        out.println("command  " + hex.formatHex(commandFrame));
        out.println("         " + FelicaFrameDescriber.explain(commandFrame));

        byte[] responseFrame = hex.parseHex(LOGGED_RESPONSE);
        // Checked against the command (code + 1, same IDm) and typed by it: no cast.
        ReadWithoutEncryptionResponse response = command.decodeResponse(responseFrame);
        out.println("response " + LOGGED_RESPONSE);
        out.println("         " + FelicaFrameDescriber.explain(responseFrame));
        out.println("         as JSON: " + Json.compact(FelicaFrameDescriber.describe(responseFrame)));
        out.flush();
        return response;
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(new PrintWriter(System.out, true));
    }
}
