package io.github.walletdevice.thredd.internal;

import io.github.walletdevice.core.Redactor;

/**
 * The request element {@code Ws_Token_Device_Management} of one attempt, its children in the documented order. A
 * {@code null} value is left out of the XML.
 *
 * @param wsid the attempt's WSID
 * @param issCode the IssCode
 * @param func {@code 00} or {@code 01}
 * @param dpan the DPAN, or {@code null}
 * @param paymentTokenId the payment token id, or {@code null}
 * @param tokenIdElementName the token id's element name, {@code PaymentTokenId} or {@code PaymentTokenID}
 * @param deviceIndex the device index (unbind), or {@code null}
 */
public record TokenDeviceManagementElement(long wsid, String issCode, String func, String dpan, String paymentTokenId,
                                           String tokenIdElementName, String deviceIndex) {
    /** The DPAN and token id masked. */
    @Override
    public String toString() {
        return "Ws_Token_Device_Management[WSID=" + wsid + ", IssCode=" + issCode + ", Func=" + func
                + ", DPAN=" + Redactor.pan(dpan) + ", " + tokenIdElementName + "="
                + Redactor.pan(paymentTokenId) + ", DeviceIndex=" + deviceIndex + "]";
    }
}
