package io.github.walletdevice.thredd.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes request envelopes with the JDK's StAX writer ({@link XMLStreamWriter}): UTF-8, no XML declaration, the
 * envelope's namespaces declared on it ({@code hyp} for Thredd's, {@code soap} for the SOAP version's), as in
 * Thredd's sample. The writer escapes {@code & < >} in text; a carriage return is written as the character reference
 * {@code &#13;}, since a raw one would reach the server as a line feed (XML's end-of-line handling).
 *
 * <p>The writer writes characters into a {@link StringBuilder}, encoded to UTF-8 once at the end: given an
 * {@code OutputStream}, the JDK's writer encodes each character on its own and hands every byte to the stream one
 * call at a time, and a {@code ByteArrayOutputStream} takes its lock for each: about 7 of the 8–9 µs an envelope
 * took (docs/benchmarks.md, "64 threads over TLS"). The bytes are the same.
 */
public final class SoapRequestEncoder {
    /** Thread-safe once configured; the JDK's own implementation, without a service look-up. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final String HYP = "hyp";
    private static final String SOAP = "soap";

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
        TextSink out = new TextSink();
        try {
            String soap = envelopeNamespace;
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartElement(SOAP, "Envelope", soap);
            w.writeNamespace(HYP, ThreddWire.NAMESPACE);
            w.writeNamespace(SOAP, soap);
            w.writeStartElement(SOAP, "Header", soap);
            w.writeStartElement(HYP, "AuthSoapHeader", ThreddWire.NAMESPACE);
            element(w, "strUserName", credentials.userName());
            element(w, "strPassword", credentials.password());
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(SOAP, "Body", soap);
            w.writeStartElement(HYP, ThreddWire.OPERATION, ThreddWire.NAMESPACE);
            element(w, "WSID", Long.toString(body.wsid()));
            element(w, "IssCode", body.issCode());
            element(w, "Func", body.func());
            element(w, "DPAN", body.dpan());
            element(w, body.tokenIdElementName(), body.paymentTokenId());
            element(w, "DeviceIndex", body.deviceIndex());
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            // The message never includes the request: it holds the password.
            throw new IllegalStateException("Could not write the Thredd request envelope ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        return out.text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <hyp:name>text</hyp:name>}, or nothing when the text is {@code null} (an absent optional element). */
    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        w.writeStartElement(HYP, name, ThreddWire.NAMESPACE);
        int from = 0;
        for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
            w.writeCharacters(text.substring(from, cr));
            w.writeEntityRef("#13");
            from = cr + 1;
        }
        w.writeCharacters(text.substring(from));
        w.writeEndElement();
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
        return sb.toString();
    }

    /** A {@link Writer} into a {@link StringBuilder}, without the locks of {@code StringWriter}: single use. */
    private static final class TextSink extends Writer {
        final StringBuilder text = new StringBuilder(768);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
