package io.github.walletdevice.thredd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The texts of one device as read: its known fields by slot ({@link DeviceFields}), and the elements the spec does
 * not name, kept by local name (the first of each name, in document order) since Thredd may add fields.
 */
final class DeviceTexts {
    final String[] slots = new String[DeviceFields.COUNT];
    private Map<String, String> unknown;

    /** Keeps an element the spec does not name, unless one of that name was kept already. */
    void keepUnknown(String name, String text) {
        if (unknown == null) {
            unknown = new LinkedHashMap<>();
        }
        unknown.putIfAbsent(name, text);
    }

    /** The elements the spec does not name, possibly empty. */
    Map<String, String> unknown() {
        return unknown == null ? Map.of() : unknown;
    }
}
