package io.github.walletdevice.thredd.internal;

import javax.xml.stream.XMLStreamReader;

/**
 * What {@link SafeXmlReader#scan} reports of a document it accepts, in document order: elements opening and
 * closing, and the character data directly inside the innermost open element. Data outside the document element
 * is not reported. {@code depth} is that of the element: 1 for the document element.
 */
public interface XmlEvents {
    /**
     * An element opens.
     *
     * @param namespace its namespace, {@code null} when it has none
     * @param localName its local name
     * @param depth its depth
     */
    void start(String namespace, String localName, int depth);

    /**
     * Character data (text, CDATA or whitespace) directly inside the open element at {@code depth}.
     *
     * @param reader the reader, on the data
     * @param depth the depth of the element holding it
     */
    void text(XMLStreamReader reader, int depth);

    /**
     * The element at {@code depth} closes.
     *
     * @param depth its depth
     */
    void end(int depth);
}
