package io.github.walletdevice.thredd;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a response body into {@link XmlNode}s with the JDK's own StAX parser, namespace-aware, with DTDs and
 * external entities switched off and any {@code DOCTYPE} refused outright: a server (or anyone in between) cannot
 * make the client fetch a URL, read a file or expand entities (XXE, "billion laughs"). One factory, configured
 * once, serves every response and thread.
 */
final class SafeXmlReader {
    /** Deepest nesting accepted; a SOAP answer is about 6 levels deep. */
    static final int MAX_DEPTH = 64;

    private SafeXmlReader() {
    }

    /** Thrown when the body is not XML this reader accepts. */
    static final class XmlRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        XmlRejectedException(String message, Throwable cause) {
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
    static final String REUSE_INSTANCE = "reuse-instance";

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

    /** The factory every reader comes from (for tests: its settings). */
    static XMLInputFactory factory() {
        return FACTORY;
    }

    /** The document element of a body. */
    static XmlNode read(byte[] body) throws XmlRejectedException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            Deque<Building> open = new ArrayDeque<>();
            XmlNode root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new XmlRejectedException("it has a DOCTYPE or entity declarations, which are"
                                    + " refused", null);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (root != null) {
                            throw new XmlRejectedException("it has more than one document element", null);
                        }
                        if (open.size() >= MAX_DEPTH) {
                            throw new XmlRejectedException("it nests deeper than " + MAX_DEPTH + " elements", null);
                        }
                        open.push(new Building(r.getNamespaceURI(), r.getLocalName()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().addText(r);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().add(done);
                        }
                    }
                    default -> {
                        // comments, processing instructions: nothing to keep
                    }
                }
            }
            if (root == null) {
                throw new XmlRejectedException("it has no document element", null);
            }
            return root;
        } catch (XMLStreamException e) {
            throw new XmlRejectedException("it is not well-formed XML (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            close(r);
        }
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

    /**
     * An element being read. Its text is what {@code strip()} leaves of all its character data joined, as it
     * always was, without a {@code StringBuilder} per element: whitespace-only data before any other text (which
     * {@code strip()} would drop) is skipped without making a string of it, a single piece of text is kept as it
     * came, and only a second piece joins them. A leaf gets the shared empty list of children.
     */
    private static final class Building {
        final String namespace;
        final String localName;
        /** The text so far, from its first piece holding more than whitespace; null while there is none. */
        private String text;
        /** Made when a second piece follows the first. */
        private StringBuilder joined;
        private List<XmlNode> children;

        Building(String namespace, String localName) {
            this.namespace = namespace;
            this.localName = localName;
        }

        void addText(XMLStreamReader r) {
            if (text == null && joined == null) {
                char[] chars = r.getTextCharacters();
                int start = r.getTextStart();
                int end = start + r.getTextLength();
                if (isWhitespace(chars, start, end)) {
                    return;
                }
                text = r.getText();
            } else {
                if (joined == null) {
                    joined = new StringBuilder(text);
                    text = null;
                }
                joined.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            }
        }

        /** Whether {@code strip()} would drop every character of this range (the test it makes, per char). */
        private static boolean isWhitespace(char[] chars, int start, int end) {
            for (int i = start; i < end; i++) {
                if (!Character.isWhitespace(chars[i])) {
                    return false;
                }
            }
            return true;
        }

        void add(XmlNode child) {
            if (children == null) {
                children = new ArrayList<>();
            }
            children.add(child);
        }

        XmlNode build() {
            String all = joined != null ? joined.toString().strip() : text != null ? text.strip() : "";
            return new XmlNode(namespace, localName, all, children == null ? List.of() : children);
        }
    }
}
