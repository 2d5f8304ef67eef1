package io.github.walletdevice.thredd;

/**
 * Thredd's action codes ({@code ActionCode}, 3 characters): the codes Token Device Management answers with, and
 * the common ones every Thredd web service may return. {@link #UNRECOGNISED} stands for any other code; the raw
 * code travels with it ({@link TokenDeviceList#actionCodeRaw()}, {@link ThreddActionException#code()}) and
 * {@link #meaningOf(String)} still describes the documented ranges.
 */
public enum ActionCode {
    /** 000: normal, approve (success). */
    SUCCESS("000", "Success"),
    /** 100: do not honour. */
    DO_NOT_HONOUR("100", "Do not honour"),
    /** 101: card expired. */
    CARD_EXPIRED("101", "Card expired"),
    /** 104: restricted card (not in the required status). */
    RESTRICTED_CARD("104", "Restricted card: the card is not in the required status"),
    /** 118: no card record. */
    NO_CARD_RECORD("118", "No card record"),
    /** 119: transaction not allowed to cardholder. */
    NOT_ALLOWED_TO_CARDHOLDER("119", "Transaction not allowed to cardholder"),
    /** 200: card closed. */
    CARD_CLOSED("200", "Card closed, deny and pick up"),
    /** 210: invalid DPAN. */
    INVALID_DPAN("210", "Invalid DPAN"),
    /** 211: invalid payment token id. */
    INVALID_PAYMENT_TOKEN_ID("211", "Invalid Payment Token Id"),
    /** 212: the card and the payment token do not match. */
    CARD_AND_TOKEN_MISMATCH("212", "Card and payment token do not match"),
    /** 213: the card's status changed and its DPANs were ignored. */
    FPAN_STATUS_CHANGED("213", "FPAN status changed; DPANs ignored (irreversible status)"),
    /** 214: no payment token for the card details supplied. */
    NO_PAYMENT_TOKEN("214", "No payment token for the card details supplied"),
    /** 216: neither DPAN nor PaymentTokenId was given. */
    DPAN_OR_TOKEN_ID_REQUIRED("216", "Either DPAN or PaymentTokenId must be provided"),
    /** 217: invalid {@code Func}. */
    INVALID_FUNC("217", "Invalid Func (valid: 00, 01)"),
    /** 218: the payment token has no device in the list; a list reports it as an empty list. */
    NO_DEVICES("218", "Payment token has no device in the list"),
    /** 219: the device index is not in the token's device list. */
    DEVICE_INDEX_NOT_IN_LIST("219", "Specified DeviceIndex not in list"),
    /** 220: the device is already unbound; an unbind reports it in its result. */
    DEVICE_ALREADY_UNBOUND("220", "Device already unbound"),
    /** 221: {@code DeviceIndex} is mandatory to unbind. */
    DEVICE_INDEX_REQUIRED("221", "DeviceIndex is mandatory when Func is 01"),
    /** 406: the IssCode does not match the credentials. */
    INVALID_ISS_CODE("406", "Invalid IssCode: it does not match the credentials"),
    /** 440: archived card. */
    ARCHIVED_CARD("440", "Archived card"),
    /** 441: a mandatory field is empty. */
    MANDATORY_FIELD_EMPTY("441", "Mandatory field empty"),
    /** 613: invalid WSID. */
    INVALID_WSID("613", "Invalid WSID"),
    /** 800: WSID missing. */
    WSID_MISSING("800", "WSID missing"),
    /** 801: IssCode missing. */
    ISS_CODE_MISSING("801", "IssCode missing"),
    /** 850: Func missing. */
    FUNC_MISSING("850", "Func missing"),
    /** 868: the WSID was already used; the original request's result can be looked up. */
    DUPLICATE_WSID("868", "Duplicate WSID, deny: the WSID was already used"),
    /** 900: the client may not call this web method. */
    RESTRICTED_WEB_METHOD("900", "Restricted web method: this client is not allowed to call it"),
    /** 902: invalid transaction. */
    INVALID_TRANSACTION("902", "Invalid transaction"),
    /** 904: format error. */
    FORMAT_ERROR("904", "Format error"),
    /** 909: system malfunction (catch-all). */
    SYSTEM_MALFUNCTION("909", "System malfunction"),
    /** 911: card issuer timed out. */
    ISSUER_TIMED_OUT("911", "Card issuer timed out"),
    /** 996: retired web service. */
    RETIRED_WEB_SERVICE("996", "Retired web service"),
    /** 997: SOAP user name null or empty. */
    USERNAME_MISSING("997", "SOAP user name null or empty"),
    /** 998: SOAP password null or empty. */
    PASSWORD_MISSING("998", "SOAP password null or empty"),
    /** 999: SOAP authentication failed. */
    AUTHENTICATION_FAILED("999", "SOAP authentication failed"),
    /** Any code not listed here; the raw code is kept beside it. */
    UNRECOGNISED("", "Unrecognised action code");

    // Documented ranges, so that an unlisted code still gets a useful meaning.
    private static final Range[] RANGES = {
        new Range(140, 145, "SEPA/Modulr error"),
        new Range(400, 405, "Address or delivery details missing or invalid"),
        new Range(409, 415, "Invalid card or token identifier (must be digits)"),
        new Range(419, 427, "Renewal or balance parameter error"),
        new Range(434, 439, "3DS credential error"),
        new Range(500, 555, "Agency banking error (Bottomline)"),
        new Range(556, 593, "Agency banking or SEPA error (Modulr)"),
        new Range(600, 799, "Invalid request field"),
        new Range(801, 857, "Mandatory field missing"),
        new Range(858, 899, "Invalid request field"),
    };

    private record Range(int from, int to, String meaning) {
    }

    private final String code;
    private final String meaning;

    ActionCode(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * The code as on the wire.
     *
     * @return e.g. {@code "219"}; empty for {@link #UNRECOGNISED}
     */
    public String code() {
        return code;
    }

    /**
     * What the code means, condensed from Thredd's action code list.
     *
     * @return the meaning
     */
    public String meaning() {
        return meaning;
    }

    /**
     * Whether this is {@link #SUCCESS}.
     *
     * @return {@code true} for 000
     */
    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /**
     * The constant for a code.
     *
     * @param code the code as on the wire (surrounding blanks ignored), or {@code null}
     * @return the constant, or {@link #UNRECOGNISED}
     */
    public static ActionCode fromCode(String code) {
        if (code != null) {
            String c = code.strip();
            for (ActionCode a : values()) {
                if (a != UNRECOGNISED && a.code.equals(c)) {
                    return a;
                }
            }
        }
        return UNRECOGNISED;
    }

    /**
     * The meaning of any code: the listed meaning, else the documented range it falls in, else a pointer to
     * Thredd's action code list.
     *
     * @param code the code as on the wire, or {@code null}
     * @return the meaning, never {@code null}
     */
    public static String meaningOf(String code) {
        ActionCode known = fromCode(code);
        if (known != UNRECOGNISED) {
            return known.meaning;
        }
        String c = code == null ? "" : code.strip();
        if (c.length() == 3 && c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int n = Integer.parseInt(c);
            for (Range r : RANGES) {
                if (n >= r.from() && n <= r.to()) {
                    return r.meaning() + " (action code " + c + "; see Thredd's action code list)";
                }
            }
        }
        return "Unrecognised action code \"" + c + "\"; see Thredd's action code list";
    }
}
