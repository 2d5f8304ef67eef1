package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Sensitivity;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.thredd.internal.TokenDeviceManagementElement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Checks a WSID: "N 1 19" in the spec, i.e. 1–19 digits, so 0 is valid; a signed 64-bit value, so not
     * negative (a minus sign is not a digit).
     */
    static long checkWsid(long wsid) {
        if (wsid < 0) {
            throw new ValidationException("WSID", "a number of 1-19 digits, 0 or more (check the WSID supplier)",
                    Long.toString(wsid));
        }
        return wsid;
    }

    /** The values this request sends that exceptions and logs must mask: the DPAN and the token id. */
    List<String> sentValues() {
        List<String> values = new ArrayList<>(2);
        token.dpan().ifPresent(values::add);
        token.paymentTokenId().ifPresent(values::add);
        return values;
    }

    /** The request element for one attempt, with the token id spelled as in the sample. */
    TokenDeviceManagementElement toElement(long wsid) {
        return toElement(wsid, TokenIdElement.SAMPLE);
    }

    /** The request element for one attempt, with the token id's element spelled as chosen. */
    TokenDeviceManagementElement toElement(long wsid, TokenIdElement tokenIdElement) {
        return new TokenDeviceManagementElement(checkWsid(wsid), issCode, func.code, token.dpan().orElse(null),
                token.paymentTokenId().orElse(null), tokenIdElement.elementName(), deviceIndex);
    }
}
