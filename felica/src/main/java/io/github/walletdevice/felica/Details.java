package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the values of {@link FelicaFrame#details()}: JSON-ready, unmodifiable, in the order given. */
final class Details {

    private Details() {
    }

    /** An ordered map of alternating keys and values. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Codes and key versions as their text: 4 hex digits of the numeric value. */
    static List<String> codes(List<?> codes) {
        List<String> out = new ArrayList<>(codes.size());
        for (Object c : codes) {
            out.add(c.toString());
        }
        return Collections.unmodifiableList(out);
    }

    static List<Map<String, Object>> blocks(List<BlockListElement> blocks) {
        List<Map<String, Object>> out = new ArrayList<>(blocks.size());
        for (BlockListElement e : blocks) {
            out.add(of("serviceIndex", e.serviceIndex(), "accessMode", e.accessMode(), "blockNumber", e.blockNumber()));
        }
        return Collections.unmodifiableList(out);
    }

    /** Block data as one 32-digit hex string per 16-byte block. */
    static List<String> blockData(byte[] data) {
        List<String> out = new ArrayList<>(data.length / 16);
        for (int i = 0; i + 16 <= data.length; i += 16) {
            out.add(HEX.formatHex(data, i, i + 16));
        }
        return Collections.unmodifiableList(out);
    }
}
