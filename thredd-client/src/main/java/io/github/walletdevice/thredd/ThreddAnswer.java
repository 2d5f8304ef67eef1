package io.github.walletdevice.thredd;

import java.util.List;

/**
 * What a {@code Ws_Token_Device_ManagementResult} held, before the operation decides what its action code means.
 *
 * @param wsid the WSID of the request it answers
 * @param issCode the IssCode echoed, or {@code null}
 * @param actionCode the action code as on the wire
 * @param devices the devices listed, possibly none
 */
record ThreddAnswer(long wsid, String issCode, String actionCode, List<TokenDevice> devices) {
    ThreddAnswer {
        devices = List.copyOf(devices);
    }
}
