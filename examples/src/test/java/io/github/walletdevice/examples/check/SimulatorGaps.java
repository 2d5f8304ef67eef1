package io.github.walletdevice.examples.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.gateway.GatewayStatus;
import java.util.Map;

/**
 * Where the simulated TES of {@code examples} answers otherwise than the checks require, and a proxy fault that
 * answers as required in those cases (and passes everything else on). The simulated TES being rebuilt on
 * {@code gateway-server} is meant to close them; once it does, empty {@link #KNOWN} and make {@link #CLOSED} pass every call on
 * (or delete this class and its uses), so that the tests demand every check of the plain simulated TES.
 */
public final class SimulatorGaps {
    /** Check id → what the simulated TES answers there today. */
    public static final Map<String, String> KNOWN = Map.of(
            // It reads a number where a string is due as that string.
            "field-issuer-id-number", "0 \"OK\"",
            // It takes any request carrying statusCode for a later round, so a first call with 0 is 118.
            "first-call-status-0", "118",
            // It counts lengths in UTF-16 units, not in code points.
            "field-device-id-code-points", "112");

    private SimulatorGaps() {
    }

    /**
     * Answers 112 to a non-string issuerId and 117 (unknown device) to a deviceId within 48 code points but longer in
     * UTF-16 units, and passes a first call on without its statusCode 0.
     */
    public static final TesProxy.Fault CLOSED = call -> {
        ObjectNode body = call.json();
        if (body == null) {
            return call.forward();
        }
        if (body.hasNonNull("issuerId") && !body.get("issuerId").isTextual()) {
            return TesProxy.status(GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: issuerId");
        }
        String device = body.path("deviceId").asText();
        if (device.length() > 48 && device.codePointCount(0, device.length()) <= 48) {
            return TesProxy.status(GatewayStatus.UNKNOWN_DEVICE, "Unknown device");
        }
        boolean firstCall = !body.hasNonNull("responses") || body.get("responses").isEmpty();
        if (firstCall && body.hasNonNull("statusCode") && body.get("statusCode").asInt() == 0) {
            body.remove("statusCode");
            return call.forward(body);
        }
        return call.forward();
    };
}
