package io.github.walletdevice.thredd.internal;

import java.util.List;
import java.util.Optional;

/**
 * An element read from a response: its namespace, local name, direct text (trimmed) and child elements.
 * Small and immutable; the response size cap bounds the whole tree.
 */
public record XmlNode(String namespace, String localName, String text, List<XmlNode> children) {
    /**
     * Keeps an element; a missing namespace becomes {@code ""}, the children an unmodifiable copy.
     *
     * @param namespace the namespace, or {@code null} for none
     * @param localName the local name
     * @param text the direct text, trimmed
     * @param children the child elements
     */
    public XmlNode {
        namespace = namespace == null ? "" : namespace;
        children = List.copyOf(children);
    }

    /**
     * Whether this element has this namespace and local name.
     *
     * @param ns the namespace
     * @param name the local name
     * @return whether both match
     */
    public boolean is(String ns, String name) {
        return namespace.equals(ns) && localName.equals(name);
    }

    /**
     * The first child with this local name, any namespace, any case.
     *
     * @param name the local name
     * @return the child, if any
     */
    public Optional<XmlNode> child(String name) {
        return Optional.ofNullable(firstChild(name));
    }

    /**
     * The first child with this local name, any namespace, any case.
     *
     * @param name the local name
     * @return the child, or {@code null} if there is none
     */
    public XmlNode firstChild(String name) {
        for (XmlNode c : children) {
            if (c.localName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The text of the first child with this local name, if present and not blank.
     *
     * @param name the local name
     * @return the text, if any
     */
    public Optional<String> childText(String name) {
        return Optional.ofNullable(childTextOrNull(name));
    }

    /**
     * The text of the first child with this local name.
     *
     * @param name the local name
     * @return the text if present and not blank, else {@code null}
     */
    public String childTextOrNull(String name) {
        return textOrNull(firstChild(name));
    }

    /**
     * The text of a child.
     *
     * @param child the child, or {@code null}
     * @return its text if present and not blank, else {@code null}
     */
    public static String textOrNull(XmlNode child) {
        return child == null || child.text.isEmpty() ? null : child.text;
    }

    /**
     * Whether the element holds child elements rather than a value.
     *
     * @return whether it has children
     */
    public boolean isComplex() {
        return !children.isEmpty();
    }
}
