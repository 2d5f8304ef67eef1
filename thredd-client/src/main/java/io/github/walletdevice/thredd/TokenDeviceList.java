package io.github.walletdevice.thredd;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a list: the devices bound to the token. Action code {@code 000} with the devices, or {@code 218}
 * (the token has no device) with an empty list.
 *
 * @param wsid the WSID of the request Thredd answered
 * @param issCode the IssCode Thredd echoed (or the one sent, if it echoed none)
 * @param actionCodeRaw the action code as on the wire, {@code "000"} or {@code "218"}
 * @param devices the devices, in the order Thredd listed them; never {@code null}
 */
public record TokenDeviceList(long wsid, String issCode, String actionCodeRaw, List<TokenDevice> devices) {
    /**
     * Checks and copies the values.
     *
     * @param wsid the WSID
     * @param issCode the IssCode
     * @param actionCodeRaw the action code as on the wire
     * @param devices the devices
     */
    public TokenDeviceList {
        Objects.requireNonNull(issCode, "issCode");
        Objects.requireNonNull(actionCodeRaw, "actionCodeRaw");
        devices = List.copyOf(devices);
    }

    /**
     * The action code.
     *
     * @return {@link ActionCode#SUCCESS} or {@link ActionCode#NO_DEVICES}
     */
    public ActionCode actionCode() {
        return ActionCode.fromCode(actionCodeRaw);
    }

    /**
     * Whether no device is bound.
     *
     * @return {@code true} when the list is empty
     */
    public boolean isEmpty() {
        return devices.isEmpty();
    }
}
