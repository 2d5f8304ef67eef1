package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.Map;
import java.util.Set;

/**
 * One item of a response's {@code commands}: a FeliCa command frame the TES asks the TSH to run on the card.
 * <b>Reconstructed</b> contract (the item schema is not published): {@code {"commandId": "1", "command": "<hex>"}},
 * the hex being the whole frame from the LEN byte on, without preamble, sync code or CRC.
 *
 * @param commandId the TES's identifier of the command, echoed in the matching {@link CommandResponse}
 * @param command the frame as hex, upper case (either case is accepted and normalised)
 * @param extensions fields of the item the contract does not define, kept as received or added by the caller
 */
public record Command(String commandId, String command, Map<String, JsonNode> extensions) {

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of("commandId", "command");

    /**
     * Checks the item.
     *
     * @param commandId not empty
     * @param command an even number of hex digits, 1 to 255 bytes
     * @param extensions extra fields, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public Command {
        Rules.nonEmpty("commands[].commandId", commandId);
        command = Rules.frameHex("commands[].command", command);
        extensions = Rules.extensions("commands[]", extensions, FIELDS);
    }

    /**
     * A command from hex.
     *
     * @param commandId the identifier
     * @param commandHex the frame as hex
     * @return the command
     */
    public static Command of(String commandId, String commandHex) {
        return new Command(commandId, commandHex, Map.of());
    }

    /**
     * A command from a frame's bytes.
     *
     * @param commandId the identifier
     * @param frame the frame, LEN byte first
     * @return the command
     */
    public static Command of(String commandId, byte[] frame) {
        return new Command(commandId, Rules.frameHex("commands[].command", frame), Map.of());
    }

    /**
     * The frame's bytes.
     *
     * @return a new array holding the frame
     */
    public byte[] frame() {
        return Rules.bytes(command);
    }

    @Override
    public String toString() {
        return "Command[" + commandId + ": " + Rules.shortHex(command) + Rules.extensionNames(extensions) + "]";
    }
}
