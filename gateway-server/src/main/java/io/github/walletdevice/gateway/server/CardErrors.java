package io.github.walletdevice.gateway.server;

import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.RequestSystemCodeResponse;
import io.github.walletdevice.felica.StatusFlagResponse;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.gateway.GatewayStatus;

/**
 * Turns what a FeliCa card refused into the spec's status codes, with the decoded reason as the message:
 * <ul>
 *   <li>status flags other than success on a read, write or other flagged command: 911 (operation failed), except
 *       Status Flag 2 {@code A5}/{@code A6}/{@code A7} (service not accessible, missing, or wrong access mode):
 *       173 (unsupported service); {@code A4} (wrong area or service attribute): 177 (invalid area data);
 *       {@code AE} (bad system code): 172 (unsupported system code);</li>
 *   <li>a Request System Code answer without the system the TES needs: 172;</li>
 *   <li>a Request Service answer with key version {@code FFFF} (the node does not exist): 173 for a service,
 *       177 for an area.</li>
 * </ul>
 * The card's answers reach a handler through {@link GatewaySession#answer(int, Class)}, which applies the first
 * rule; the others are for the scripts that ask.
 */
public final class CardErrors {
    private CardErrors() {
    }

    /**
     * The response when its status flags say success (or the rewrite-count warning).
     *
     * @param response a decoded response carrying status flags
     * @param what what the command did, for the message (e.g. {@code "read the purse"})
     * @param <T> the response type
     * @return the response
     * @throws GatewayFailure with 911, 172, 173 or 177 when the card refused the command
     */
    public static <T extends StatusFlagResponse> T checked(T response, String what) {
        if (response.isSuccess()) {
            return response;
        }
        GatewayStatus status;
        switch (response.statusFlag2().value()) {
            case 0xA5:
            case 0xA6:
            case 0xA7:
                status = GatewayStatus.UNSUPPORTED_SERVICE;
                break;
            case 0xA4:
                status = GatewayStatus.INVALID_AREA_DATA;
                break;
            case 0xAE:
                status = GatewayStatus.UNSUPPORTED_SYSTEM_CODE;
                break;
            default:
                status = GatewayStatus.OPERATION_FAILED;
        }
        throw new GatewayFailure(status, "The card refused to " + what + ": status " + response.statusFlag1() + " "
                + response.statusFlag2() + " (" + response.statusFlag2().meaning() + ")");
    }

    /**
     * Checks that the card holds a system.
     *
     * @param response the card's answer to Request System Code
     * @param needed the system the operation needs
     * @return the response
     * @throws GatewayFailure with 172 when the system is not on the card
     */
    public static RequestSystemCodeResponse requireSystem(RequestSystemCodeResponse response, SystemCode needed) {
        if (!response.systemCodes().contains(needed)) {
            throw new GatewayFailure(GatewayStatus.UNSUPPORTED_SYSTEM_CODE, "The card has no system " + needed
                    + " (it has " + response.systemCodes() + ")");
        }
        return response;
    }

    /**
     * Checks that every node asked for in Request Service exists on the card.
     *
     * @param response the card's answer
     * @param command the command it answers, which names the nodes in the same order
     * @return the response
     * @throws GatewayFailure with 173 for a missing service, 177 for a missing area
     */
    public static RequestServiceResponse requireNodes(RequestServiceResponse response,
                                                      RequestServiceCommand command) {
        for (int i = 0; i < response.keyVersions().size() && i < command.nodeCodes().size(); i++) {
            KeyVersion version = response.keyVersions().get(i);
            if (!version.nodeExists()) {
                NodeCode node = command.nodeCodes().get(i);
                // Attributes 00 and 01 are areas; services have 08 and above.
                boolean area = (node.value() & 0x3E) == 0;
                throw new GatewayFailure(area ? GatewayStatus.INVALID_AREA_DATA : GatewayStatus.UNSUPPORTED_SERVICE,
                        "The card has no " + (area ? "area " : "service ") + node + " (key version " + version
                                + ")");
            }
        }
        return response;
    }
}
