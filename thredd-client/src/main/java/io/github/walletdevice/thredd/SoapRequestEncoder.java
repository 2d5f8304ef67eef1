package io.github.walletdevice.thredd;

import io.github.walletdevice.core.transport.HttpRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.namespace.QName;

/**
 * Writes request envelopes with JAXB. The {@link JAXBContext} is costly to build and thread-safe, so there is one
 * per JVM: {@link #prepareInBackground()} (called when a {@link ThreddClient} is built) starts making it on a daemon
 * thread, and the first request waits for what is left, or makes it itself if that failed. A {@link Marshaller} is
 * not thread-safe: each request borrows one from a small shared pool and gives it back after a clean write. A pool
 * rather than one per thread, so that no container thread keeps a marshaller (and through it the application's
 * class loader) alive after the application is gone.
 */
final class SoapRequestEncoder {
    /** The name of the thread that makes the JAXB context ahead of the first request. */
    static final String CONTEXT_THREAD_NAME = "walletdevice-thredd-jaxb";

    private static final BackgroundValue<JAXBContext> CONTEXT =
            new BackgroundValue<>(CONTEXT_THREAD_NAME, SoapRequestEncoder::newContext);

    /** Most marshallers kept idle; more can be in use at once, the extra ones are dropped when given back. */
    static final int IDLE_MARSHALLERS = 16;

    /** Marshallers not in use, made from {@link #context()} when none is idle. */
    private static final BlockingQueue<Marshaller> IDLE = new ArrayBlockingQueue<>(IDLE_MARSHALLERS);

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

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(SoapSection.class, AuthSoapHeader.class,
                    TokenDeviceManagementElement.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Could not set up JAXB for the Thredd request classes", e);
        }
    }

    /**
     * Starts making the JVM's JAXB context on a daemon thread unless it is made or being made; returns at once.
     */
    static void prepareInBackground() {
        CONTEXT.startInBackground();
    }

    /** Whether the JAXB context is made or being made (for tests). */
    static boolean contextStartedOrMade() {
        return CONTEXT.startedOrMade();
    }

    /**
     * The JVM's one JAXB context for the request classes: made already, waited for while made in the background, or
     * made now.
     *
     * @throws IllegalStateException if it cannot be made
     */
    static JAXBContext context() {
        return CONTEXT.get();
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
            marshal(new JAXBElement<>(names.envelope(), SoapSection.class, envelope), out);
        } catch (JAXBException e) {
            // The message never includes the request: it holds the password.
            throw new IllegalStateException("Could not write the Thredd request envelope ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        return out.toByteArray();
    }

    /**
     * The text of {@code strPassword} as {@link #encode} writes it, what a server echoing the request would show, so
     * that log masking can match it exactly. A password of printable ASCII without {@code & < > " '} is written as
     * it is by any XML writer, JAXB included (characters JAXB might escape are all excluded); any other is found by
     * writing the header once, {@link #marshalledPassword(String)}. So building a client for such a password does
     * not wait for the JAXB context.
     */
    static String writtenPassword(String password) {
        return isWrittenAsIs(password) ? password : marshalledPassword(password);
    }

    /** Whether every character is printable ASCII other than {@code & < > " '}. */
    static boolean isWrittenAsIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** The text of {@code strPassword} as JAXB writes it, found by writing the header once. */
    static String marshalledPassword(String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            marshal(new AuthSoapHeader("u", password), out);
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

    /**
     * Writes with a borrowed marshaller. One that failed is not given back, so that no state it was left in carries
     * over to another request.
     */
    private static void marshal(Object element, ByteArrayOutputStream out) throws JAXBException {
        Marshaller m = borrowMarshaller();
        m.marshal(element, out);
        giveBack(m);
    }

    /** An idle marshaller, or a new one (UTF-8, no XML declaration) when none is idle. */
    static Marshaller borrowMarshaller() throws JAXBException {
        Marshaller m = IDLE.poll();
        if (m == null) {
            m = context().createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        }
        return m;
    }

    /** Returns a marshaller that wrote cleanly to the pool, or drops it when {@link #IDLE_MARSHALLERS} are idle. */
    static void giveBack(Marshaller m) {
        IDLE.offer(m);
    }

    /** Drops every idle marshaller: tests start from an empty pool. */
    static void dropIdleMarshallers() {
        IDLE.clear();
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
