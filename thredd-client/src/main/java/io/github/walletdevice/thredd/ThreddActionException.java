package io.github.walletdevice.thredd;

import io.github.walletdevice.core.ApiFailureException;
import java.util.Objects;

/**
 * Thredd answered, well-formed, with an action code that means failure (anything but {@code 000}, {@code 218} on a
 * list and {@code 220} on an unbind). Carries the raw code, its meaning and the WSID of the request.
 */
public class ThreddActionException extends ApiFailureException {
    private static final long serialVersionUID = 1L;

    /** The operation refused. */
    private final String operation;
    /** The action code as on the wire. */
    private final String code;
    /** The WSID of the request. */
    private final long wsid;
    /** The IssCode of the request. */
    private final String issCode;

    /**
     * Creates the exception for an action code.
     *
     * @param operation the operation Thredd answered, {@code "list"} or {@code "unbind"}
     * @param code the action code as on the wire
     * @param wsid the WSID of the request
     * @param issCode the IssCode of the request
     */
    public ThreddActionException(String operation, String code, long wsid, String issCode) {
        super(message(operation, code, wsid, issCode));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.code = Objects.requireNonNull(code, "code");
        this.wsid = wsid;
        this.issCode = issCode;
    }

    private static String message(String operation, String code, long wsid, String issCode) {
        String advice = advice(ActionCode.fromCode(code), wsid);
        return "Thredd refused the " + operation + " (WSID " + wsid + ", IssCode " + issCode + ") with action code "
                + code + ": " + ActionCode.meaningOf(code) + "." + (advice.isEmpty() ? "" : " " + advice);
    }

    private static String advice(ActionCode action, long wsid) {
        return switch (action) {
            case AUTHENTICATION_FAILED, USERNAME_MISSING, PASSWORD_MISSING ->
                    "Check the web service user name and password.";
            case INVALID_ISS_CODE -> "Use the IssCode that Thredd assigned to these credentials.";
            case DUPLICATE_WSID -> "WSIDs must be unique across every process using these credentials;"
                    + " Ws_WebServiceResult with WSID " + wsid + " tells what happened to the request that used it"
                    + " first.";
            case INVALID_WSID, WSID_MISSING -> "Check the WSID supplier: WSIDs are 1-19 digits.";
            case DEVICE_INDEX_NOT_IN_LIST -> "List the token's devices to find a valid index.";
            case INVALID_DPAN, INVALID_PAYMENT_TOKEN_ID, NO_PAYMENT_TOKEN, CARD_AND_TOKEN_MISMATCH ->
                    "Check the DPAN or payment token id.";
            default -> "";
        };
    }

    /**
     * The action code as on the wire.
     *
     * @return e.g. {@code "219"}
     */
    @Override
    public String code() {
        return code;
    }

    /**
     * The action code.
     *
     * @return the constant, {@link ActionCode#UNRECOGNISED} for a code this version does not list
     */
    public ActionCode actionCode() {
        return ActionCode.fromCode(code);
    }

    /**
     * What the code means.
     *
     * @return the meaning (see {@link ActionCode#meaningOf(String)})
     */
    public String meaning() {
        return ActionCode.meaningOf(code);
    }

    /**
     * The WSID of the request Thredd refused.
     *
     * @return the WSID
     */
    public long wsid() {
        return wsid;
    }

    /**
     * The IssCode of the request.
     *
     * @return the IssCode
     */
    public String issCode() {
        return issCode;
    }

    /**
     * The operation Thredd refused.
     *
     * @return {@code "list"} or {@code "unbind"}
     */
    public String operation() {
        return operation;
    }
}
