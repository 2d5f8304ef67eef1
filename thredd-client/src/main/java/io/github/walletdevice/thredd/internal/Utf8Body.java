package io.github.walletdevice.thredd.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a body that is plainly UTF-8, decoded by the JDK, for {@link SafeXmlReader} to hand the parser
 * as characters rather than bytes. The JDK's decoder (an ASCII fast path over whole arrays) costs a fraction of the
 * parser's own byte-by-byte one, whose reading was about a third of the time spent on a Thredd answer.
 *
 * <p>Only a body whose decoding cannot differ from the parser's is decoded here: one that starts with {@code <}
 * (after an optional UTF-8 byte order mark), whose XML declaration, if it has one, names UTF-8 or no encoding, and
 * that is valid UTF-8. Anything else (UTF-16, another declared encoding, a broken byte, text before the first
 * {@code <}) is left to the parser's own detection, which then reads or refuses it exactly as it always has.
 */
final class Utf8Body {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCODING = "encoding".getBytes(StandardCharsets.US_ASCII);
    /** Past this, a declaration is unusual enough to leave to the parser. */
    private static final int MAX_DECLARATION_BYTES = 256;

    private Utf8Body() {
    }

    /**
     * The body's characters, after any byte order mark.
     *
     * @param body a response body
     * @return its characters, or {@code null} when the parser must read the bytes itself
     */
    static CharBuffer decode(byte[] body) {
        int start = startsWith(body, 0, BOM) ? BOM.length : 0;
        // A second byte of 0 is UTF-16 without a byte order mark.
        if (body.length - start < 2 || body[start] != '<' || body[start + 1] == 0 || !declaresUtf8(body, start)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body, start, body.length - start));
        } catch (CharacterCodingException e) {
            // The parser's own reader refuses it, saying where.
            return null;
        }
    }

    /** Whether the XML declaration at {@code start}, if there is one, names UTF-8 or no encoding. */
    private static boolean declaresUtf8(byte[] body, int start) {
        if (!startsWith(body, start, DECLARATION)) {
            return true;
        }
        int end = Math.min(body.length, start + MAX_DECLARATION_BYTES);
        for (int i = start + DECLARATION.length; i < end - 1; i++) {
            if (body[i] == '?' && body[i + 1] == '>') {
                return namesUtf8(body, start + DECLARATION.length, i);
            }
        }
        return false;
    }

    /** Whether the pseudo-attributes between {@code from} and {@code to} have no encoding or UTF-8. */
    private static boolean namesUtf8(byte[] body, int from, int to) {
        int at = indexOf(body, from, to, ENCODING);
        if (at < 0) {
            return true;
        }
        int i = skipSpaces(body, at + ENCODING.length, to);
        if (i >= to || body[i] != '=') {
            return false;
        }
        i = skipSpaces(body, i + 1, to);
        if (i >= to || (body[i] != '"' && body[i] != '\'')) {
            return false;
        }
        byte quote = body[i];
        int valueStart = i + 1;
        int valueEnd = valueStart;
        while (valueEnd < to && body[valueEnd] != quote) {
            valueEnd++;
        }
        return valueEnd < to && new String(body, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII)
                .equalsIgnoreCase("UTF-8");
    }

    private static int skipSpaces(byte[] body, int from, int to) {
        int i = from;
        while (i < to && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] body, int from, int to, byte[] word) {
        for (int i = from; i <= to - word.length; i++) {
            if (startsWith(body, i, word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (body.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
