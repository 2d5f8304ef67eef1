package io.github.walletdevice.thredd;

import java.util.Objects;

/**
 * The answer to an unbind: action code {@code 000} (Thredd asked Visa to unbind the device) or {@code 220} (the
 * device was already unbound, which is reported here rather than thrown, so that repeating an unbind is harmless).
 *
 * @param wsid the WSID of the request Thredd answered
 * @param issCode the IssCode Thredd echoed (or the one sent, if it echoed none)
 * @param deviceIndex the device index that was unbound
 * @param actionCodeRaw the action code as on the wire, {@code "000"} or {@code "220"}
 */
public record UnbindResult(long wsid, String issCode, String deviceIndex, String actionCodeRaw) {
    /**
     * Checks the values are present.
     *
     * @param wsid the WSID
     * @param issCode the IssCode
     * @param deviceIndex the device index
     * @param actionCodeRaw the action code as on the wire
     */
    public UnbindResult {
        Objects.requireNonNull(issCode, "issCode");
        Objects.requireNonNull(deviceIndex, "deviceIndex");
        Objects.requireNonNull(actionCodeRaw, "actionCodeRaw");
    }

    /**
     * The action code.
     *
     * @return {@link ActionCode#SUCCESS} or {@link ActionCode#DEVICE_ALREADY_UNBOUND}
     */
    public ActionCode actionCode() {
        return ActionCode.fromCode(actionCodeRaw);
    }

    /**
     * Whether this request unbound the device.
     *
     * @return {@code true} for action code 000
     */
    public boolean unbound() {
        return actionCode() == ActionCode.SUCCESS;
    }

    /**
     * Whether the device had already been unbound before this request.
     *
     * @return {@code true} for action code 220
     */
    public boolean alreadyUnbound() {
        return actionCode() == ActionCode.DEVICE_ALREADY_UNBOUND;
    }
}
