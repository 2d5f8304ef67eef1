package io.github.walletdevice.thredd.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes request envelopes: UTF-8, no XML declaration, the envelope's namespaces declared on it ({@code hyp} for
 * Thredd's, {@code soap} for the SOAP version's), as in Thredd's sample. The envelope's shape is fixed; only element
 * texts vary, and each is written by {@link #writtenText}: {@code & < >} escaped and a carriage return as the
 * character reference {@code &#13;}, since a raw one would reach the server as a line feed (XML's end-of-line
 * handling). Every text has been checked to be XML 1.0 characters before it gets here, so the result is
 * well-formed.
 *
 * <p>Written into a {@link StringBuilder} and encoded once. It was written with the JDK's StAX writer until
 * 5 Dec 2026, to the same bytes; creating a writer and its namespace bookkeeping for each envelope was about 4 µs of
 * a Thredd list's CPU at 64 threads over TLS (docs/benchmarks.md).
 */
public final class SoapRequestEncoder {
    private SoapRequestEncoder() {
    }

    /**
     * The envelope bytes for one attempt: UTF-8, no XML declaration.
     *
     * @param envelopeNamespace the SOAP version's envelope namespace
     * @param credentials the credentials for {@code AuthSoapHeader}
     * @param body the request element
     * @return the envelope
     */
    public static byte[] encode(String envelopeNamespace, Credentials credentials, TokenDeviceManagementElement body) {
        StringBuilder out = new StringBuilder(768);
        out.append("<soap:Envelope xmlns:hyp=\"").append(ThreddWire.NAMESPACE).append("\" xmlns:soap=\"")
                .append(envelopeNamespace).append("\"><soap:Header><hyp:AuthSoapHeader>");
        element(out, "strUserName", credentials.userName());
        element(out, "strPassword", credentials.password());
        out.append("</hyp:AuthSoapHeader></soap:Header><soap:Body><hyp:").append(ThreddWire.OPERATION).append('>');
        element(out, "WSID", Long.toString(body.wsid()));
        element(out, "IssCode", body.issCode());
        element(out, "Func", body.func());
        element(out, "DPAN", body.dpan());
        element(out, body.tokenIdElementName(), body.paymentTokenId());
        element(out, "DeviceIndex", body.deviceIndex());
        out.append("</hyp:").append(ThreddWire.OPERATION).append("></soap:Body></soap:Envelope>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <hyp:name>text</hyp:name>}, or nothing when the text is {@code null} (an absent optional element). */
    private static void element(StringBuilder out, String name, String text) {
        if (text == null) {
            return;
        }
        out.append("<hyp:").append(name).append('>');
        appendWritten(out, text);
        out.append("</hyp:").append(name).append('>');
    }

    /**
     * Text as {@link #encode} writes it in an element, what a server echoing the request would show, so that log
     * masking can match it exactly: {@code & < >} escaped, a carriage return as {@code &#13;}, everything else as
     * it is.
     *
     * @param text the text
     * @return the text as written
     */
    public static String writtenText(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        appendWritten(sb, text);
        return sb.toString();
    }

    private static void appendWritten(StringBuilder sb, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
