package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a frame as an ordered map for JSON output (the {@code walletdevice felica decode} command) and as one
 * line of text for logs.
 *
 * <p>{@link #describe(byte[])} decodes the frame (LEN byte first) as a command when its code is even and as a
 * response when it is odd, then returns the header keys and the status flags, followed by the frame's own
 * {@link FelicaFrame#details()}; these keys, where they apply:
 * <ul>
 *   <li>{@code direction} ({@code "command"} / {@code "response"}), {@code name} (for example
 *       {@code "ReadWithoutEncryption"}, {@code "Unknown"}), {@code code} (2 hex digits, {@code "06"}),
 *       {@code length} (the LEN value), {@code idm} (16 hex digits, when the frame carries one);</li>
 *   <li>Polling: {@code systemCode}, {@code requestCode} and {@code timeSlot} (the raw bytes as integers);
 *       response {@code pmm}, {@code requestData};</li>
 *   <li>Request Service (v2), Request Block Information, Get Node Property: {@code nodeCodes}; responses
 *       {@code keyVersions};</li>
 *   <li>Request Response: {@code mode};</li>
 *   <li>Read/Write Without Encryption: {@code serviceCodes}, {@code blocks} (a list of maps with
 *       {@code serviceIndex}, {@code accessMode}, {@code blockNumber}), {@code blockData} (a list of 32-digit hex
 *       strings, in a write command and a successful read response);</li>
 *   <li>every response with status flags: {@code statusFlag1}, {@code statusFlag2} (2 hex digits each);</li>
 *   <li>Search Service Code: {@code index}; response {@code serviceCode}, or {@code areaCode} and
 *       {@code endServiceCode}, and {@code end} (true past the last node);</li>
 *   <li>Request System Code response: {@code systemCodes}.</li>
 * </ul>
 * Frames the list above does not cover add these keys: {@code blockInformation} (integers, Request Block
 * Information response); {@code areaCodes}, {@code challenge1A} (Authentication1 command); {@code challenge1B},
 * {@code challenge2A} (its response); {@code challenge2B} (Authentication2 command); {@code ciphertext}
 * (Authentication2 response); {@code target} (Get Node Property command) and {@code properties} (hex per node,
 * its response); {@code encryptionIdentifier} (2 hex digits) and {@code desKeyVersions} (Request Service v2
 * response); {@code flag} (integer) and {@code data} (hex, Get System Status response); {@code formatVersion}
 * (integer), {@code basicVersion} and {@code optionVersions} ({@code "major.minor.patch"}, Request Specification
 * Version response); {@code containerIdm} (Get Container ID response); {@code data} (hex of the bytes after the
 * code, unknown frames).
 *
 * <p>Hex is uppercase without spaces. Service, area, node and system codes and key versions are the 4 hex digits
 * of their numeric value (service 0x000B is {@code "000B"}, whatever the byte order on the wire). Values are only
 * {@link String}, {@link Integer}, {@link Boolean}, {@link List} and {@link Map}, so any JSON library can print
 * them. The returned maps and lists are unmodifiable.
 */
public final class FelicaFrameDescriber {

    private FelicaFrameDescriber() {
    }

    /**
     * Decodes and describes a frame that starts with LEN.
     *
     * @param frame the frame
     * @return the description, keys in the order documented above
     * @throws FelicaFormatException if the bytes are not a well-formed frame
     */
    public static Map<String, Object> describe(byte[] frame) {
        return describe(FelicaDecoder.decode(frame));
    }

    /**
     * Describes a frame object.
     *
     * @param frame the frame
     * @return the description, keys in the order documented above
     * @throws NullPointerException if {@code frame} is null
     */
    public static Map<String, Object> describe(FelicaFrame frame) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", frame instanceof FelicaCommand ? "command" : "response");
        m.put("name", frame.name());
        m.put("code", HEX.toHexDigits((byte) frame.code()));
        m.put("length", frame.length());
        frame.idmIfPresent().ifPresent(idm -> m.put("idm", idm.toString()));
        if (frame instanceof StatusFlagResponse s) {
            m.put("statusFlag1", s.statusFlag1().toString());
            m.put("statusFlag2", s.statusFlag2().toString());
        }
        m.putAll(frame.details());
        return Collections.unmodifiableMap(m);
    }

    /**
     * Decodes a frame that starts with LEN and explains it in one line, for example
     * {@code "ReadWithoutEncryption response from 012E4CD4A1B2C3D4: status 01 A6 (service or node does not
     * exist) at list element 1"}.
     *
     * @param frame the frame
     * @return the explanation
     * @throws FelicaFormatException if the bytes are not a well-formed frame
     */
    public static String explain(byte[] frame) {
        return explain(FelicaDecoder.decode(frame));
    }

    /**
     * Explains a frame object in one line.
     *
     * @param frame the frame
     * @return the explanation
     * @throws NullPointerException if {@code frame} is null
     */
    public static String explain(FelicaFrame frame) {
        boolean command = frame instanceof FelicaCommand;
        StringBuilder sb = new StringBuilder(frame.name()).append(command ? " command" : " response");
        if (frame instanceof UnknownCommand || frame instanceof UnknownResponse) {
            sb.append(" (code ").append(HEX.toHexDigits((byte) frame.code())).append(')');
        }
        frame.idmIfPresent().ifPresent(idm -> sb.append(command ? " to " : " from ").append(idm));
        List<String> parts = new ArrayList<>();
        if (frame instanceof StatusFlagResponse s) {
            String status = "status " + s.statusFlag1() + " " + s.statusFlag2();
            if (!s.statusFlag1().isSuccess() || !s.statusFlag2().isSuccess()) {
                status += " (" + s.statusFlag2().meaning() + ")";
                if (s.statusFlag1().ordinal().isPresent()) {
                    status += " at list element " + s.statusFlag1().value();
                }
            } else {
                status += " (success)";
            }
            parts.add(status);
        }
        for (Map.Entry<String, Object> e : frame.details().entrySet()) {
            parts.add(e.getKey() + " " + text(e.getValue()));
        }
        if (!parts.isEmpty()) {
            sb.append(": ").append(String.join(", ", parts));
        }
        return sb.toString();
    }

    private static String text(Object v) {
        if (v instanceof List) {
            List<String> items = new ArrayList<>();
            for (Object o : (List<?>) v) {
                items.add(text(o));
            }
            return "[" + String.join(" ", items) + "]";
        }
        if (v instanceof Map) {
            Map<?, ?> b = (Map<?, ?>) v;
            String s = b.get("serviceIndex") + ":" + b.get("blockNumber");
            Object am = b.get("accessMode");
            return am instanceof Integer && (Integer) am != 0 ? s + " am=" + am : s;
        }
        return String.valueOf(v);
    }
}
