package io.github.walletdevice.thredd.internal;

import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.nio.CharBuffer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a response body, into {@link XmlNode}s or as {@link XmlEvents}, with the JDK's own StAX parser,
 * namespace-aware, with DTDs and external entities switched off and any {@code DOCTYPE} refused outright: a server
 * (or anyone in between) cannot make the client fetch a URL, read a file or expand entities (XXE, "billion
 * laughs"). One factory, configured once, serves every response and thread. A body that is plainly UTF-8 reaches the
 * parser as characters the JDK decoded ({@link Utf8Body}: the parser's own decoder was a third of the read); the
 * parser reads any other body's bytes and detects their encoding itself.
 */
public final class SafeXmlReader {
    /** Deepest nesting accepted; a SOAP answer is about 6 levels deep. */
    public static final int MAX_DEPTH = 64;

    private SafeXmlReader() {
    }

    /** Thrown when the body is not XML this reader accepts. */
    public static final class XmlRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * An exception for a refused body.
         *
         * @param message what was wrong, without the body
         * @param cause the parser's exception, or {@code null}
         */
        public XmlRejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The JDK's StAX property that lets a factory hand out again the last reader it made once that one is closed.
     * The JDK's factory does not reuse readers unless it is set (although it reports {@code true}); set to
     * {@code false} here all the same, since the one factory serves threads concurrently: with reuse, two threads
     * could be handed the same closed reader at once. Every {@code createXMLStreamReader} returns a reader of its
     * own.
     */
    public static final String REUSE_INSTANCE = "reuse-instance";

    /** Configured once, then only read from: every response's reader comes from it. */
    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        // newDefaultFactory: the JDK's parser, whatever else is on the class path.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(REUSE_INSTANCE, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are refused: " + systemId);
        });
        return f;
    }

    /**
     * The factory every reader comes from (for tests: its settings).
     *
     * @return the factory
     */
    public static XMLInputFactory factory() {
        return FACTORY;
    }

    /**
     * The document element of a body.
     *
     * @param body the body
     * @return its document element
     * @throws XmlRejectedException if the body is not XML this reader accepts
     */
    public static XmlNode read(byte[] body) throws XmlRejectedException {
        XmlTreeBuilder tree = new XmlTreeBuilder();
        scan(body, tree);
        return tree.root();
    }

    /**
     * Reads a body through, reporting its elements and text to {@code events} as it goes; every check is made
     * whatever the events do with them, so a body is accepted or refused the same way by every reader of it.
     * Events already reported stand even when the body is refused further on.
     *
     * @param body the body
     * @param events what to tell of it
     * @throws XmlRejectedException if the body is not XML this reader accepts
     */
    public static void scan(byte[] body, XmlEvents events) throws XmlRejectedException {
        XMLStreamReader r = null;
        try {
            r = open(body);
            int depth = 0;
            boolean rootDone = false;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new XmlRejectedException("it has a DOCTYPE or entity declarations, which are"
                                    + " refused", null);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (rootDone) {
                            throw new XmlRejectedException("it has more than one document element", null);
                        }
                        if (depth >= MAX_DEPTH) {
                            throw new XmlRejectedException("it nests deeper than " + MAX_DEPTH + " elements", null);
                        }
                        depth++;
                        events.start(r.getNamespaceURI(), r.getLocalName(), depth);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            events.text(r, depth);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        events.end(depth);
                        depth--;
                        rootDone = depth == 0;
                    }
                    default -> {
                        // comments, processing instructions: nothing to keep
                    }
                }
            }
            if (!rootDone) {
                throw new XmlRejectedException("it has no document element", null);
            }
        } catch (XMLStreamException e) {
            throw new XmlRejectedException("it is not well-formed XML (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            close(r);
        }
    }

    /** A reader on the body: on its characters when {@link Utf8Body} decodes it, else on its bytes. */
    private static XMLStreamReader open(byte[] body) throws XMLStreamException {
        CharBuffer chars = Utf8Body.decode(body);
        if (chars == null) {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
        }
        return FACTORY.createXMLStreamReader(
                new CharArrayReader(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].replaceFirst("^Message:\\s*", "");
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing held open: the input is a byte array
            }
        }
    }
}
