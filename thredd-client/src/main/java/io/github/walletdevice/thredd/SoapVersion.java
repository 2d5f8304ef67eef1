package io.github.walletdevice.thredd;

/**
 * The SOAP version a request is framed in. Thredd's ASMX endpoint serves both bindings on the same URL; the
 * Token Device Management sample uses SOAP 1.2, which is the default.
 */
public enum SoapVersion {
    /** SOAP 1.1: {@code text/xml} and a {@code SOAPAction} header. */
    SOAP_1_1("1.1", "http://schemas.xmlsoap.org/soap/envelope/"),
    /** SOAP 1.2: {@code application/soap+xml} with the action as a media-type parameter. */
    SOAP_1_2("1.2", "http://www.w3.org/2003/05/soap-envelope");

    private final String label;
    private final String envelopeNamespace;

    SoapVersion(String label, String envelopeNamespace) {
        this.label = label;
        this.envelopeNamespace = envelopeNamespace;
    }

    /**
     * The namespace of {@code Envelope}, {@code Header}, {@code Body} and {@code Fault}.
     *
     * @return the envelope namespace URI
     */
    public String envelopeNamespace() {
        return envelopeNamespace;
    }

    /**
     * The version as people write it.
     *
     * @return {@code "1.1"} or {@code "1.2"}
     */
    public String label() {
        return label;
    }

    /**
     * The version for a label.
     *
     * @param label {@code "1.1"} or {@code "1.2"}
     * @return the version
     * @throws io.github.walletdevice.core.ValidationException naming {@code soapVersion} for any other label
     */
    public static SoapVersion of(String label) {
        for (SoapVersion v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new io.github.walletdevice.core.ValidationException("soapVersion", "1.1 or 1.2", label);
    }

    /**
     * The version whose envelope namespace this is.
     *
     * @param namespace a namespace URI, or {@code null}
     * @return the version, or {@code null} if the namespace is neither SOAP envelope namespace
     */
    static SoapVersion ofNamespace(String namespace) {
        for (SoapVersion v : values()) {
            if (v.envelopeNamespace.equals(namespace)) {
                return v;
            }
        }
        return null;
    }
}
