package io.github.walletdevice.gateway;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaFrameDescriber;

/** Explains FeliCa frames in one line for the session's DEBUG log, with the codec; never fails, whatever the bytes. */
final class FrameExplainer {
    private FrameExplainer() {
    }

    static String command(byte[] frame) {
        try {
            return FelicaFrameDescriber.explain(FelicaDecoder.decodeCommand(frame));
        } catch (FelicaFormatException e) {
            return "not a valid FeliCa command: " + e.getMessage();
        } catch (RuntimeException e) {
            // Logging must never break a session, even on a codec bug.
            return "could not be decoded: " + e;
        }
    }

    static String response(byte[] frame, byte[] sentCommand) {
        try {
            FelicaCommand<?> sent = sentCommand == null ? null : FelicaDecoder.decodeCommand(sentCommand);
            return FelicaFrameDescriber.explain(sent == null ? FelicaDecoder.decodeResponse(frame)
                    : FelicaDecoder.decodeResponse(frame, sent));
        } catch (FelicaFormatException e) {
            return "not a valid FeliCa response" + (sentCommand == null ? "" : " to its command") + ": "
                    + e.getMessage();
        } catch (RuntimeException e) {
            return "could not be decoded: " + e;
        }
    }
}
