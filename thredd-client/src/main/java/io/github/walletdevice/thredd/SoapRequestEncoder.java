package io.github.walletdevice.thredd;

import io.github.walletdevice.core.transport.HttpRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Writes request envelopes with JAXB: one {@link JAXBContext} per JVM (thread-safe, costly to make), made on first
 * use; a new {@link Marshaller} per request (not thread-safe, cheap beside the call).
 */
final class SoapRequestEncoder {
    /** The names of the envelope's elements, per SOAP version. */
    private static final Map<SoapVersion, EnvelopeNames> NAMES = names();

    private SoapRequestEncoder() {
    }

    /** {@code soap:Envelope}, {@code soap:Header} and {@code soap:Body} in one SOAP version's namespace. */
    private record EnvelopeNames(QName envelope, QName header, QName body) {
        EnvelopeNames(String ns) {
            this(new QName(ns, "Envelope", "soap"), new QName(ns, "Header", "soap"), new QName(ns, "Body", "soap"));
        }
    }

    private static Map<SoapVersion, EnvelopeNames> names() {
        Map<SoapVersion, EnvelopeNames> names = new EnumMap<>(SoapVersion.class);
        for (SoapVersion v : SoapVersion.values()) {
            names.put(v, new EnvelopeNames(v.envelopeNamespace()));
        }
        return Collections.unmodifiableMap(names);
    }

    /** The JVM's JAXB context for the request classes, made when first asked for. */
    private static final class Context {
        static final JAXBContext INSTANCE = newContext();

        private static JAXBContext newContext() {
            try {
                return JAXBContext.newInstance(SoapSection.class, AuthSoapHeader.class,
                        TokenDeviceManagementElement.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("Could not set up JAXB for the Thredd request classes", e);
            }
        }
    }

    /** The envelope bytes (UTF-8, no XML declaration) for one attempt. */
    static byte[] encode(SoapVersion version, Credentials credentials, TokenDeviceManagementElement body) {
        EnvelopeNames names = NAMES.get(version);
        SoapSection header = new SoapSection(new AuthSoapHeader(credentials.userName(), credentials.password()));
        SoapSection envelope = new SoapSection(
                new JAXBElement<>(names.header(), SoapSection.class, header),
                new JAXBElement<>(names.body(), SoapSection.class, new SoapSection(body)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try {
            Marshaller m = Context.INSTANCE.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.marshal(new JAXBElement<>(names.envelope(), SoapSection.class, envelope), out);
        } catch (JAXBException e) {
            // The message never includes the request: it holds the password.
            throw new IllegalStateException("Could not write the Thredd request envelope ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        return out.toByteArray();
    }

    /**
     * Text as {@link #encode} writes it in an element, what a server echoing the request would show, so that log
     * masking can match it exactly: {@code & < >} escaped, a carriage return as {@code &#13;} (a raw one would reach
     * the server as a line feed), everything else as it is.
     */
    static String writtenText(String text) {
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

    /** The HTTP request carrying an envelope, with the content type and action of its SOAP version. */
    static HttpRequest httpRequest(URI endpoint, SoapVersion version, byte[] envelope) {
        HttpRequest.Builder b = HttpRequest.builder().method("POST").uri(endpoint).body(envelope);
        if (version == SoapVersion.SOAP_1_2) {
            b.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + ThreddWire.ACTION + "\"");
        } else {
            b.header("Content-Type", "text/xml; charset=utf-8");
            b.header("SOAPAction", "\"" + ThreddWire.ACTION + "\"");
        }
        return b.build();
    }
}
