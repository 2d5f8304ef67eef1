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
import java.util.function.UnaryOperator;

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
        UnaryOperator<String> scrub = text -> Redactor.sentValues(credentials.scrub(text), sentValues);
        int status = response.statusCode();
        String operation = "Thredd " + func.operation + " (WSID " + wsid + ")";
        if (status == 403) {
            throw httpStatus(scrub, operation, response, FAIR_USE_ADVICE);
        }
        byte[] body = response.bodyUnsafe();
        if (body.length > MAX_RESPONSE_BYTES) {
            if (!response.isSuccessful()) {
                throw httpStatus(scrub, operation, response, adviceFor(status));
            }
            throw malformed(scrub, operation + " answered with " + body.length + " bytes, more than the "
                    + MAX_RESPONSE_BYTES + " accepted.", response, null);
        }
        AnswerReader answer = new AnswerReader();
        try {
            SafeXmlReader.scan(body, answer);
        } catch (SafeXmlReader.XmlRejectedException e) {
            if (!response.isSuccessful()) {
                throw httpStatus(scrub, operation, response, adviceFor(status));
            }
            throw malformed(scrub, operation + " answered HTTP " + status + " with a body that is not a SOAP answer: "
                    + e.getMessage() + ".", response, e);
        }
        SoapVersion version = answer.version();
        if (version == null) {
            if (!response.isSuccessful()) {
                throw httpStatus(scrub, operation, response, adviceFor(status));
            }
            throw malformed(scrub, operation + " answered HTTP " + status + " with XML that is not a SOAP envelope ({"
                    + answer.rootNamespace() + "}" + answer.rootName() + ").", response, null);
        }
        if (answer.fault() != null) {
            throw fault(scrub, func, version, answer.fault(), status, wsid);
        }
        if (!response.isSuccessful()) {
            throw httpStatus(scrub, operation, response, adviceFor(status));
        }
        if (!answer.hasResult()) {
            throw malformed(scrub, operation + " answered with a SOAP envelope without " + ThreddWire.OPERATION
                    + "Response/" + ThreddWire.OPERATION + "Result.", response, null);
        }
        String actionCode = answer.actionCode();
        if (actionCode == null) {
            throw malformed(scrub, operation + " answered without an ActionCode.", response, null);
        }
        String echoed = answer.wsid();
        if (echoed != null && !echoed.equals(Long.toString(wsid))) {
            throw malformed(scrub, operation + " got an answer for another WSID (" + Redactor.truncate(echoed, 20)
                    + "); it is ignored.", response, null);
        }
        return new ThreddAnswer(wsid, answer.issCode(), actionCode, answer.devices());
    }

    private static SoapFaultException fault(UnaryOperator<String> scrub, Func func, SoapVersion version,
                                            XmlNode fault, int status, long wsid) {
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
        return new SoapFaultException(func.operation, version, Redactor.truncate(code, 100),
                Redactor.body(scrub.apply(reason), 500), status, wsid);
    }

    private static HttpStatusException httpStatus(UnaryOperator<String> scrub, String operation,
                                                  HttpResponse response, String advice) {
        String excerpt = Redactor.body(scrub.apply(response.bodyAsString()), HttpStatusException.MAX_EXCERPT_CHARS);
        String message = operation + " failed with HTTP " + response.statusCode()
                + (advice.isEmpty() ? "." : ": " + advice);
        return new HttpStatusException(message, response.statusCode(), response.headers(), excerpt);
    }

    private static MalformedResponseException malformed(UnaryOperator<String> scrub, String message,
                                                        HttpResponse response, Throwable cause) {
        String excerpt = Redactor.body(scrub.apply(response.bodyAsString()), 500);
        return new MalformedResponseException(message + " Body starts: " + oneLine(Redactor.truncate(excerpt, 200)),
                excerpt, cause);
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
