package io.github.walletdevice.thredd;

import io.github.walletdevice.core.WalletDeviceException;
import java.util.Objects;

/**
 * An unbind reached Thredd (or may have) but no answer could be read: a read timeout or broken connection after
 * sending, an HTTP 5xx without a SOAP answer, an unreadable answer, or a SOAP fault from the server's side
 * ({@code Receiver} in 1.2, {@code Server} in 1.1, with HTTP 500 or 200; the {@link SoapFaultException} is the
 * {@linkplain #getCause() cause}). Thredd may or may not have unbound the device. The SDK never
 * resends an unbind by itself; an operator should check first, either with Thredd's {@code Ws_WebServiceResult}
 * web service for {@link #wsid()} and {@link #issCode()}, or by listing the token's devices.
 */
public class UnbindOutcomeUnknownException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** The WSID of the unbind. */
    private final long wsid;
    /** The IssCode of the unbind. */
    private final String issCode;
    /** The device index of the unbind. */
    private final String deviceIndex;

    /**
     * Creates the exception.
     *
     * @param wsid the WSID of the unbind whose outcome is unknown
     * @param issCode its IssCode
     * @param token the token, shown redacted in the message
     * @param deviceIndex the device index
     * @param cause what went wrong (a transport failure, an HTTP status failure, an unreadable answer or a
     *              receiver SOAP fault)
     */
    public UnbindOutcomeUnknownException(long wsid, String issCode, TokenRef token, String deviceIndex,
                                         WalletDeviceException cause) {
        super("The unbind of device " + deviceIndex + " of " + token + " (WSID " + wsid + ", IssCode " + issCode
                + ") may or may not have been done: " + Objects.requireNonNull(cause, "cause").getMessage()
                + " Check with Ws_WebServiceResult (WSID " + wsid + ", IssCode " + issCode + ") or list the"
                + " devices before unbinding again.", cause);
        this.wsid = wsid;
        this.issCode = issCode;
        this.deviceIndex = deviceIndex;
    }

    /**
     * The WSID of the unbind, to look it up with {@code Ws_WebServiceResult}.
     *
     * @return the WSID
     */
    public long wsid() {
        return wsid;
    }

    /**
     * The IssCode of the unbind.
     *
     * @return the IssCode
     */
    public String issCode() {
        return issCode;
    }

    /**
     * The device index of the unbind.
     *
     * @return the index
     */
    public String deviceIndex() {
        return deviceIndex;
    }
}
