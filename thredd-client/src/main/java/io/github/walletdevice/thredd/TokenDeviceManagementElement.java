package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Redactor;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The request element {@code Ws_Token_Device_Management}, its children in the documented order. A {@code null}
 * field is left out of the XML.
 */
@XmlRootElement(name = ThreddWire.OPERATION)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"wsid", "issCode", "func", "dpan", "paymentTokenId", "paymentTokenIdAsInTable", "deviceIndex"})
final class TokenDeviceManagementElement {
    @XmlElement(name = "WSID", required = true)
    long wsid;
    @XmlElement(name = "IssCode", required = true)
    String issCode;
    @XmlElement(name = "Func", required = true)
    String func;
    @XmlElement(name = "DPAN")
    String dpan;
    // Spelled as in Thredd's sample request (its field table says PaymentTokenID): see TokenIdElement. At most one
    // of the two is set; the other, null, is not written.
    @XmlElement(name = "PaymentTokenId")
    String paymentTokenId;
    @XmlElement(name = "PaymentTokenID")
    String paymentTokenIdAsInTable;
    @XmlElement(name = "DeviceIndex")
    String deviceIndex;

    TokenDeviceManagementElement() {
    }

    /** The DPAN masked. */
    @Override
    public String toString() {
        return "Ws_Token_Device_Management[WSID=" + wsid + ", IssCode=" + issCode + ", Func=" + func
                + ", DPAN=" + Redactor.pan(dpan) + ", PaymentTokenId="
                + Redactor.pan(paymentTokenId != null ? paymentTokenId : paymentTokenIdAsInTable)
                + ", DeviceIndex=" + deviceIndex + "]";
    }
}
