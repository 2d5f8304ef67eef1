package io.github.walletdevice.thredd;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.thredd.internal.Credentials;
import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.ThreddWire;
import io.github.walletdevice.thredd.internal.XmlNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns an HTTP response into a {@link ThreddAnswer}, or into the exception it stands for: HTTP 403 (Thredd's
 * fair-use limit) and other non-2xx statuses, SOAP faults (1.1 and 1.2, whatever the status), and bodies that are
 * too large, not XML, or not the expected SOAP answer. Elements inside the result are matched by local name,
 * ignoring case and namespace; unknown elements are ignored. The body is read in one pass ({@link AnswerReader}),
 * without building its tree.
 */
final class ResponseDecoder {
    /** Largest body read: a list of a few devices is a few kilobytes. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    static final String FAIR_USE_ADVICE = "Thredd allows 20 concurrent connections per client and refuses more with"
            + " HTTP 403 (sub-status 501); lower maxConcurrentRequests or the number of processes sharing these credentials,"
            + " then retry. A 403 can also mean the client's IP address is not on Thredd's allow list.";

    private final Credentials credentials;

    ResponseDecoder(Credentials credentials) {
        this.credentials = credentials;
    }

    /** Decodes the answer to one attempt whose request sent no DPAN or token id. */
    ThreddAnswer decode(Func func, long wsid, HttpResponse response) {
        return decode(func, wsid, response, List.of());
    }

    /**
     * Decodes the answer to one attempt. The DPAN and token id it sent are masked wherever an exception would show
     * them (a fault reason, a body excerpt), Luhn-valid or not, and the password removed.
     */
    ThreddAnswer decode(Func func, long wsid, HttpResponse response, List<String> sentValues) {
        Sent sent = new Sent(func, wsid, response, sentValues);
        int status = response.statusCode();
        if (status == 403) {
            throw httpStatus(sent, FAIR_USE_ADVICE);
        }
        byte[] body = response.bodyUnsafe();
        if (body.length > MAX_RESPONSE_BYTES) {
            if (!response.isSuccessful()) {
                throw httpStatus(sent, adviceFor(status));
            }
            throw malformed(sent, "answered with " + body.length + " bytes, more than the " + MAX_RESPONSE_BYTES
                    + " accepted.", null);
        }
        AnswerReader answer = new AnswerReader();
        try {
            SafeXmlReader.scan(body, answer);
        } catch (SafeXmlReader.XmlRejectedException e) {
            if (!response.isSuccessful()) {
                throw httpStatus(sent, adviceFor(status));
            }
            throw malformed(sent, "answered HTTP " + status + " with a body that is not a SOAP answer: "
                    + e.getMessage() + ".", e);
        }
        SoapVersion version = answer.version();
        if (version == null) {
            if (!response.isSuccessful()) {
                throw httpStatus(sent, adviceFor(status));
            }
            throw malformed(sent, "answered HTTP " + status + " with XML that is not a SOAP envelope ({"
                    + answer.rootNamespace() + "}" + answer.rootName() + ").", null);
        }
        if (answer.fault() != null) {
            throw fault(sent, version, answer.fault());
        }
        if (!response.isSuccessful()) {
            throw httpStatus(sent, adviceFor(status));
        }
        if (!answer.hasResult()) {
            throw malformed(sent, "answered with a SOAP envelope without " + ThreddWire.OPERATION + "Response/"
                    + ThreddWire.OPERATION + "Result.", null);
        }
        String actionCode = answer.actionCode();
        if (actionCode == null) {
            throw malformed(sent, "answered without an ActionCode.", null);
        }
        String echoed = answer.wsid();
        if (echoed != null && !echoed.equals(Long.toString(wsid))) {
            throw malformed(sent, "got an answer for another WSID (" + Redactor.truncate(echoed, 20)
                    + "); it is ignored.", null);
        }
        return new ThreddAnswer(wsid, answer.issCode(), actionCode, answer.devices());
    }

    /**
     * One attempt's answer and what it sent, for the exceptions that name them. Their messages are made only when
     * one is thrown: an answer that decodes needs none of it.
     */
    private record Sent(Func func, long wsid, HttpResponse response, List<String> values) {
        /** The operation and WSID, as messages name them. */
        String operation() {
            return "Thredd " + func.operation + " (WSID " + wsid + ")";
        }

        /** The operation only: the values sent (a DPAN, a token id) are never shown. */
        @Override
        public String toString() {
            return operation();
        }
    }

    /** Text with the password removed and the values this attempt sent masked. */
    private String scrub(Sent sent, String text) {
        return Redactor.sentValues(credentials.scrub(text), sent.values());
    }

    private SoapFaultException fault(Sent sent, SoapVersion version, XmlNode fault) {
        String code;
        String reason;
        if (version == SoapVersion.SOAP_1_1) {
            code = fault.childText("faultcode").orElse("");
            reason = fault.childText("faultstring").orElse("");
        } else {
            Optional<XmlNode> codeNode = fault.child("Code");
            code = codeNode.flatMap(c -> c.childText("Value")).orElse("");
            String sub = codeNode.flatMap(c -> c.child("Subcode")).flatMap(s -> s.childText("Value")).orElse("");
            if (!sub.isEmpty()) {
                code = code + "/" + sub;
            }
            reason = fault.child("Reason").flatMap(r -> r.childText("Text")).orElse("");
        }
        return new SoapFaultException(sent.func().operation, version, Redactor.truncate(code, 100),
                Redactor.body(scrub(sent, reason), 500), sent.response().statusCode(), sent.wsid());
    }

    private HttpStatusException httpStatus(Sent sent, String advice) {
        HttpResponse response = sent.response();
        String excerpt = Redactor.body(scrub(sent, response.bodyAsString()), HttpStatusException.MAX_EXCERPT_CHARS);
        String message = sent.operation() + " failed with HTTP " + response.statusCode()
                + (advice.isEmpty() ? "." : ": " + advice);
        return new HttpStatusException(message, response.statusCode(), response.headers(), excerpt);
    }

    /** A {@code MalformedResponseException} whose message is the operation, then {@code what} happened. */
    private MalformedResponseException malformed(Sent sent, String what, Throwable cause) {
        String excerpt = Redactor.body(scrub(sent, sent.response().bodyAsString()), 500);
        return new MalformedResponseException(sent.operation() + " " + what + " Body starts: "
                + oneLine(Redactor.truncate(excerpt, 200)), excerpt, cause);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String adviceFor(int status) {
        if (status >= 500) {
            return "Thredd had a server error; try again later.";
        }
        if (status == 404) {
            return "check the endpoint URL (Thredd's service.asmx).";
        }
        if (status == 415 || status == 400) {
            return "check the endpoint URL and the SOAP version.";
        }
        if (status == 401) {
            return "check network access to Thredd (IP allow list, proxy credentials).";
        }
        return "";
    }
}
