package io.github.walletdevice.thredd;

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
 * @param tokenIdElement how the token id's element is spelled
 * @param deviceIndex the device index (unbind), or {@code null}
 */
record TokenDeviceManagementElement(long wsid, String issCode, String func, String dpan, String paymentTokenId,
                                    TokenIdElement tokenIdElement, String deviceIndex) {
    /** The DPAN and token id masked. */
    @Override
    public String toString() {
        return "Ws_Token_Device_Management[WSID=" + wsid + ", IssCode=" + issCode + ", Func=" + func
                + ", DPAN=" + Redactor.pan(dpan) + ", " + tokenIdElement.elementName() + "="
                + Redactor.pan(paymentTokenId) + ", DeviceIndex=" + deviceIndex + "]";
    }
}
