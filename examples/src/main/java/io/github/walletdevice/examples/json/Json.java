package io.github.walletdevice.examples.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** JSON text for the command line, the demo and the examples: one shared mapper, pretty or compact. */
public final class Json {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper MAPPER = COMPACT.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * The value as pretty JSON.
     *
     * @param value maps, lists, strings, numbers, booleans
     * @return the JSON text
     */
    public static String format(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as JSON on one line.
     *
     * @param value maps, lists, strings, numbers, booleans
     * @return the JSON text
     */
    public static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Prints the value as pretty JSON on its own lines.
     *
     * @param out where to print
     * @param value maps, lists, strings, numbers, booleans
     */
    public static void print(PrintWriter out, Object value) {
        out.println(format(value));
        out.flush();
    }
}
