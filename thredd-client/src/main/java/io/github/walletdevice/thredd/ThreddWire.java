package io.github.walletdevice.thredd;

/** Names fixed by Thredd's WSDL. */
final class ThreddWire {
    /** Thredd's web service namespace. */
    static final String NAMESPACE = "http://www.globalprocessing.ae/HyperionWeb";
    /** The operation, also the request element's name. */
    static final String OPERATION = "Ws_Token_Device_Management";
    /** The SOAP action: namespace, slash, operation. */
    static final String ACTION = NAMESPACE + "/" + OPERATION;

    private ThreddWire() {
    }
}
