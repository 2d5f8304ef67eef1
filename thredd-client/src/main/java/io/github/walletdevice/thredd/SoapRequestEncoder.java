package io.github.walletdevice.thredd;

import io.github.walletdevice.core.transport.HttpRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;

/**
 * Writes request envelopes with JAXB. The {@link JAXBContext} is costly to build and thread-safe, so there is one
 * per JVM, created on first use; a {@link Marshaller} is not thread-safe, so each request gets its own.
 */
final class SoapRequestEncoder {
    private SoapRequestEncoder() {
    }

    // Initialization-on-demand holder: created once, on the first request, without locking afterwards.
    private static final class Context {
        static final JAXBContext INSTANCE = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(SoapSection.class, AuthSoapHeader.class,
                        TokenDeviceManagementElement.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("Could not set up JAXB for the Thredd request classes", e);
            }
        }
    }

    /** The JVM's one JAXB context for the request classes. */
    static JAXBContext context() {
        return Context.INSTANCE;
    }

    /** The envelope bytes (UTF-8, no XML declaration) for one attempt. */
    static byte[] encode(SoapVersion version, Credentials credentials, TokenDeviceManagementElement body) {
        String ns = version.envelopeNamespace();
        SoapSection header = new SoapSection(new AuthSoapHeader(credentials.userName(), credentials.password()));
        SoapSection envelope = new SoapSection(
                new JAXBElement<>(new QName(ns, "Header", "soap"), SoapSection.class, header),
                new JAXBElement<>(new QName(ns, "Body", "soap"), SoapSection.class, new SoapSection(body)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try {
            marshaller().marshal(new JAXBElement<>(new QName(ns, "Envelope", "soap"), SoapSection.class, envelope),
                    out);
        } catch (JAXBException e) {
            // The message never includes the request: it holds the password.
            throw new IllegalStateException("Could not write the Thredd request envelope ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        return out.toByteArray();
    }

    /**
     * The text of {@code strPassword} as {@link #encode} writes it, found by writing the header once: what a server
     * echoing the request would show, so that log masking can match it exactly.
     */
    static String writtenPassword(String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            marshaller().marshal(new AuthSoapHeader("u", password), out);
        } catch (JAXBException e) {
            throw new IllegalStateException("Could not write the Thredd credentials ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        String open = "strPassword>";
        int start = xml.indexOf(open);
        int end = start < 0 ? -1 : xml.indexOf('<', start + open.length());
        if (end < 0) {
            throw new IllegalStateException("Could not find strPassword in the written Thredd credentials");
        }
        return xml.substring(start + open.length(), end);
    }

    private static Marshaller marshaller() throws JAXBException {
        Marshaller m = context().createMarshaller();
        m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return m;
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
