package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Sensitivity;
import io.github.walletdevice.core.ValidationException;
import java.util.Objects;

/**
 * One validated Token Device Management request, without its WSID (each attempt gets a new one).
 *
 * @param func list or unbind
 * @param issCode the IssCode, 1–4 letters and digits
 * @param token the DPAN and/or payment token id (checked by {@link TokenRef})
 * @param deviceIndex the device index, 1–3 letters and digits ("AN" in the spec, like the {@code BoundDeviceIndex}
 *                    a list returns), required for unbind and absent for list
 */
record TokenDeviceRequest(Func func, String issCode, TokenRef token, String deviceIndex) {
    TokenDeviceRequest {
        Objects.requireNonNull(func, "func");
        Fields.alphanumeric("IssCode", issCode, 1, 4, Sensitivity.PLAIN);
        if (token == null) {
            throw new ValidationException("DPAN or PaymentTokenId", "given (at least one of them)", null);
        }
        if (func == Func.UNBIND) {
            Fields.alphanumeric("DeviceIndex", deviceIndex, 1, 3, Sensitivity.PLAIN);
        } else if (deviceIndex != null) {
            throw new ValidationException("DeviceIndex", "absent for a list (Func 00)", deviceIndex);
        }
    }

    /** Checks a WSID: numeric, 1–19 digits, a positive signed 64-bit value. */
    static long checkWsid(long wsid) {
        if (wsid < 1) {
            throw new ValidationException("WSID", "a positive number of 1-19 digits (check the WSID supplier)",
                    Long.toString(wsid));
        }
        return wsid;
    }

    /** The JAXB element for one attempt. */
    TokenDeviceManagementElement toElement(long wsid) {
        TokenDeviceManagementElement e = new TokenDeviceManagementElement();
        e.wsid = checkWsid(wsid);
        e.issCode = issCode;
        e.func = func.code;
        e.dpan = token.dpan().orElse(null);
        e.paymentTokenId = token.paymentTokenId().orElse(null);
        e.deviceIndex = deviceIndex;
        return e;
    }
}
