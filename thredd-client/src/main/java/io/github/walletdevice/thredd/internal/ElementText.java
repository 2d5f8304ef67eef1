package io.github.walletdevice.thredd.internal;

import javax.xml.stream.XMLStreamReader;

/**
 * The text of one element as the decoder sees it: what {@code strip()} leaves of all its direct character data
 * joined. Built without a {@code StringBuilder} in the usual case: whitespace-only data before any other text (which
 * {@code strip()} would drop) is skipped without making a string of it, a single piece of text is kept as it came,
 * and only a second piece joins them. Reusable after {@link #clear()}.
 */
public final class ElementText {
    /** The text so far, from its first piece holding more than whitespace; null while there is none. */
    private String text;
    /** Made when a second piece follows the first. */
    private StringBuilder joined;

    /**
     * Adds the reader's current character data.
     *
     * @param r a reader on character data
     */
    public void add(XMLStreamReader r) {
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

    /**
     * The stripped text.
     *
     * @return the text, {@code ""} when there is none
     */
    public String value() {
        return joined != null ? joined.toString().strip() : text != null ? text.strip() : "";
    }

    /** Forgets the text: the next element starts empty. */
    public void clear() {
        text = null;
        joined = null;
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
}
