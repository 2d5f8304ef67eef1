package io.github.walletdevice.thredd;

import io.github.walletdevice.core.WalletDeviceException;
import java.util.Objects;

/**
 * Thredd answered with a SOAP fault instead of a result: a protocol failure (the envelope could not be read,
 * the server failed), not an action code. Read from both shapes: SOAP 1.1 {@code faultcode}/{@code faultstring}
 * and SOAP 1.2 {@code Code/Value}/{@code Reason/Text}; served with HTTP 500 or, by some stacks, 200.
 *
 * <p>A {@link #isSenderFault() sender} fault ({@code Client} in 1.1) means the request was rejected unread. A
 * receiver fault ({@code Server} in 1.1) means the server failed while processing: on an unbind it may have been
 * done, so the client throws {@link UnbindOutcomeUnknownException} with this exception as its cause instead; check
 * the outcome with {@code Ws_WebServiceResult} and the WSID before sending it again. A list, and a sender fault on
 * an unbind, throw this exception itself.
 */
public class SoapFaultException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** The SOAP version of the fault. */
    private final SoapVersion soapVersion;
    /** The fault code as sent. */
    private final String faultCode;
    /** The fault text, redacted. */
    private final String reason;
    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** The WSID of the request. */
    private final long wsid;

    /**
     * Creates the exception for a fault.
     *
     * @param operation the operation, {@code "list"} or {@code "unbind"}, for the message
     * @param soapVersion the SOAP version of the fault
     * @param faultCode the fault code as sent, e.g. {@code "soap:Client"} or {@code "soap:Sender"}
     * @param reason the fault string or reason text, already redacted
     * @param httpStatus the HTTP status the fault came with
     * @param wsid the WSID of the request
     */
    public SoapFaultException(String operation, SoapVersion soapVersion, String faultCode, String reason,
                              int httpStatus, long wsid) {
        super(message(operation, soapVersion, faultCode, reason, httpStatus, wsid));
        this.soapVersion = Objects.requireNonNull(soapVersion, "soapVersion");
        this.faultCode = faultCode == null ? "" : faultCode;
        this.reason = reason == null ? "" : reason;
        this.httpStatus = httpStatus;
        this.wsid = wsid;
    }

    private static String message(String operation, SoapVersion v, String faultCode, String reason, int status,
                                  long wsid) {
        String advice = isSender(faultCode)
                ? "The request was rejected unread; check the endpoint URL and the SOAP version."
                : "The server failed while processing it"
                        + ("unbind".equals(operation) ? "; check the outcome with Ws_WebServiceResult (WSID " + wsid
                                + ") before sending the unbind again." : "; try again later.");
        return "Thredd answered the " + operation + " (WSID " + wsid + ") with a SOAP " + v.label() + " fault (HTTP "
                + status + ", code " + (faultCode == null || faultCode.isEmpty() ? "none" : faultCode) + "): "
                + (reason == null || reason.isEmpty() ? "no reason given" : reason) + ". " + advice;
    }

    private static boolean isSender(String faultCode) {
        if (faultCode == null) {
            return false;
        }
        String local = faultCode.substring(faultCode.indexOf(':') + 1);
        return local.startsWith("Client") || local.startsWith("Sender") || local.startsWith("VersionMismatch");
    }

    /**
     * The SOAP version of the fault.
     *
     * @return the version
     */
    public SoapVersion soapVersion() {
        return soapVersion;
    }

    /**
     * The fault code as sent ({@code faultcode} in 1.1, {@code Code/Value} in 1.2).
     *
     * @return e.g. {@code "soap:Client"}; empty if none
     */
    public String faultCode() {
        return faultCode;
    }

    /**
     * The fault's text ({@code faultstring} in 1.1, the first {@code Reason/Text} in 1.2), redacted.
     *
     * @return the reason; empty if none
     */
    public String reason() {
        return reason;
    }

    /**
     * The HTTP status the fault came with.
     *
     * @return usually 500, sometimes 200
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The WSID of the request that drew the fault.
     *
     * @return the WSID
     */
    public long wsid() {
        return wsid;
    }

    /**
     * Whether the fault blames the request ({@code Client}/{@code Sender}/{@code VersionMismatch}): it was not
     * processed.
     *
     * @return {@code true} for a sender fault
     */
    public boolean isSenderFault() {
        return isSender(faultCode);
    }
}
