package io.github.walletdevice.thredd.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds {@link XmlNode}s from {@link XmlEvents}: the whole document ({@link SafeXmlReader#read}) or one element
 * fed its own events (a SOAP fault). Single use.
 */
public final class XmlTreeBuilder implements XmlEvents {
    private final Deque<Building> open = new ArrayDeque<>();
    private XmlNode root;

    @Override
    public void start(String namespace, String localName, int depth) {
        open.push(new Building(namespace, localName));
    }

    @Override
    public void text(XMLStreamReader reader, int depth) {
        open.peek().text.add(reader);
    }

    @Override
    public void end(int depth) {
        XmlNode done = open.pop().build();
        if (open.isEmpty()) {
            root = done;
        } else {
            open.peek().add(done);
        }
    }

    /**
     * The outermost element fed, once it has closed.
     *
     * @return the element, or {@code null} before it has closed
     */
    public XmlNode root() {
        return root;
    }

    /** An element being read. A leaf gets the shared empty list of children. */
    private static final class Building {
        final String namespace;
        final String localName;
        final ElementText text = new ElementText();
        private List<XmlNode> children;

        Building(String namespace, String localName) {
            this.namespace = namespace;
            this.localName = localName;
        }

        void add(XmlNode child) {
            if (children == null) {
                children = new ArrayList<>();
            }
            children.add(child);
        }

        XmlNode build() {
            return new XmlNode(namespace, localName, text.value(), children == null ? List.of() : children);
        }
    }
}
