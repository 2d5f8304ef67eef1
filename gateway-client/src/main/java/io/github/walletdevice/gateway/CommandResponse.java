package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.Map;
import java.util.Set;

/**
 * One item of a request's {@code responses}: the card's answer to a {@link Command} of the previous round.
 * <b>Reconstructed</b> contract (the item schema is not published):
 * {@code {"commandId": "1", "response": "<hex>"}}, the hex being the card's whole response frame from its LEN byte.
 *
 * @param commandId the identifier of the command this answers
 * @param response the response frame as hex, upper case (either case is accepted and normalised)
 * @param extensions fields the contract does not define, added by the caller or kept as received
 */
public record CommandResponse(String commandId, String response, Map<String, JsonNode> extensions) {

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of("commandId", "response");

    /**
     * Checks the item.
     *
     * @param commandId not empty
     * @param response an even number of hex digits, 1 to 255 bytes
     * @param extensions extra fields, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public CommandResponse {
        Rules.nonEmpty("responses[].commandId", commandId);
        response = Rules.frameHex("responses[].response", response);
        extensions = Rules.extensions("responses[]", extensions, FIELDS);
    }

    /**
     * A response from hex.
     *
     * @param commandId the identifier of the command answered
     * @param responseHex the frame as hex
     * @return the response item
     */
    public static CommandResponse of(String commandId, String responseHex) {
        return new CommandResponse(commandId, responseHex, Map.of());
    }

    /**
     * A response from a frame's bytes.
     *
     * @param commandId the identifier of the command answered
     * @param frame the response frame, LEN byte first
     * @return the response item
     */
    public static CommandResponse of(String commandId, byte[] frame) {
        return new CommandResponse(commandId, Rules.frameHex("responses[].response", frame), Map.of());
    }

    /**
     * The frame's bytes.
     *
     * @return a new array holding the response frame
     */
    public byte[] frame() {
        return Rules.bytes(response);
    }

    @Override
    public String toString() {
        return "CommandResponse[" + commandId + ": " + Rules.shortHex(response) + Rules.extensionNames(extensions)
                + "]";
    }
}
