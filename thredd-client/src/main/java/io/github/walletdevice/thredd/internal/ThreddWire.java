package io.github.walletdevice.thredd.internal;

/** Names fixed by Thredd's WSDL. */
public final class ThreddWire {
    /** Thredd's web service namespace. */
    public static final String NAMESPACE = "http://www.globalprocessing.ae/HyperionWeb";
    /** The operation, also the request element's name. */
    public static final String OPERATION = "Ws_Token_Device_Management";
    /** The SOAP action: namespace, slash, operation. */
    public static final String ACTION = NAMESPACE + "/" + OPERATION;

    private ThreddWire() {
    }
}
