package io.github.walletdevice.interop;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.thredd.UnbindOutcomeUnknownException;

/** How a call ended, as one short label: {@code ok}, or the typed error with what tells it apart. */
final class Outcome {
    static final String OK = "ok";
    static final String MALFORMED = "MalformedResponseException";
    static final String SOAP_FAULT = "SoapFaultException";

    private Outcome() {
    }

    /** A transport failure after which the server may have the request. */
    static String sent(TransportException.Reason reason) {
        return "TransportException " + reason + ", sent";
    }

    /** A transport failure that provably sent nothing (a reason, or {@code "*"} for any). */
    static String notSent(Object reason) {
        return "TransportException " + reason + ", not sent";
    }

    /** An unbind whose outcome is unknown, and why. */
    static String unknown(String cause) {
        return "UnbindOutcomeUnknownException after " + cause;
    }

    static String status(int code) {
        return "HttpStatusException " + code;
    }

    /** The label of a failure (a test's own assertion failure included). */
    static String of(Throwable t) {
        if (t instanceof TransportException e) {
            return "TransportException " + e.reason() + (e.isRequestSent() ? ", sent" : ", not sent");
        }
        if (t instanceof HttpStatusException e) {
            return status(e.statusCode());
        }
        if (t instanceof UnbindOutcomeUnknownException e && e.getCause() != null) {
            return unknown(of(e.getCause()));
        }
        return t.getClass().getSimpleName();
    }
}
