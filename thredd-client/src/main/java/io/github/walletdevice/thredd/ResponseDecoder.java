package io.github.walletdevice.thredd;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.transport.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an HTTP response into a {@link ThreddAnswer}, or into the exception it stands for: HTTP 403 (Thredd's
 * fair-use limit) and other non-2xx statuses, SOAP faults (1.1 and 1.2, whatever the status), and bodies that are
 * too large, not XML, or not the expected SOAP answer. Elements inside the result are matched by local name,
 * ignoring case and namespace; unknown elements are ignored.
 */
final class ResponseDecoder {
    /** Largest body read: a list of a few devices is a few kilobytes. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    static final String FAIR_USE_ADVICE = "Thredd allows 20 concurrent connections per client and refuses more with"
            + " HTTP 403 (sub-status 501); lower maxInFlight or the number of processes sharing these credentials,"
            + " then retry. A 403 can also mean the client's IP address is not on Thredd's allow list.";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");

    private final Credentials credentials;

    ResponseDecoder(Credentials credentials) {
        this.credentials = credentials;
    }

    /** Decodes the answer to one attempt. */
    ThreddAnswer decode(Func func, long wsid, HttpResponse response) {
        int status = response.statusCode();
        String operation = "Thredd " + func.operation + " (WSID " + wsid + ")";
        if (status == 403) {
            throw httpStatus(operation, response, FAIR_USE_ADVICE);
        }
        byte[] body = response.bodyUnsafe();
        if (body.length > MAX_RESPONSE_BYTES) {
            if (!response.isSuccessful()) {
                throw httpStatus(operation, response, adviceFor(status));
            }
            throw malformed(operation + " answered with " + body.length + " bytes, more than the "
                    + MAX_RESPONSE_BYTES + " accepted.", response, null);
        }
        XmlNode root;
        try {
            root = SafeXmlReader.read(body);
        } catch (SafeXmlReader.XmlRejectedException e) {
            if (!response.isSuccessful()) {
                throw httpStatus(operation, response, adviceFor(status));
            }
            throw malformed(operation + " answered HTTP " + status + " with a body that is not a SOAP answer: "
                    + e.getMessage() + ".", response, e);
        }
        SoapVersion version = SoapVersion.ofNamespace(root.namespace());
        if (version == null || !root.localName().equals("Envelope")) {
            if (!response.isSuccessful()) {
                throw httpStatus(operation, response, adviceFor(status));
            }
            throw malformed(operation + " answered HTTP " + status + " with XML that is not a SOAP envelope ({"
                    + root.namespace() + "}" + root.localName() + ").", response, null);
        }
        String ns = version.envelopeNamespace();
        XmlNode soapBody = root.children().stream().filter(c -> c.is(ns, "Body")).findFirst().orElse(null);
        XmlNode first = soapBody == null || soapBody.children().isEmpty() ? null : soapBody.children().get(0);
        if (first != null && first.is(ns, "Fault")) {
            throw fault(func, version, first, status, wsid);
        }
        if (!response.isSuccessful()) {
            throw httpStatus(operation, response, adviceFor(status));
        }
        XmlNode result = first == null ? null
                : first.localName().equals(ThreddWire.OPERATION + "Response")
                        ? first.child(ThreddWire.OPERATION + "Result").orElse(null) : null;
        if (result == null) {
            throw malformed(operation + " answered with a SOAP envelope without " + ThreddWire.OPERATION
                    + "Response/" + ThreddWire.OPERATION + "Result.", response, null);
        }
        String actionCode = result.childText("ActionCode").orElse(null);
        if (actionCode == null) {
            throw malformed(operation + " answered without an ActionCode.", response, null);
        }
        Optional<String> echoed = result.childText("WSID");
        if (echoed.isPresent() && !echoed.get().equals(Long.toString(wsid))) {
            throw malformed(operation + " got an answer for another WSID (" + Redactor.truncate(echoed.get(), 20)
                    + "); it is ignored.", response, null);
        }
        return new ThreddAnswer(wsid, result.childText("IssCode").orElse(null), actionCode, devices(result));
    }

    // The device elements of the specification, lower case: a DeviceList holding one of them is a device itself.
    private static final Set<String> DEVICE_FIELDS = Set.of("bounddeviceindex", "tokenuserid", "tokenusertype",
            "gpsdevicestatus", "netdevicestatus", "devicebinddate", "devicestatusdate", "devicetype", "devicelang",
            "deviceid", "devicetelnum", "devicename", "devicelongitiude", "devicelongitude", "devicelatitude",
            "deviceip");

    /**
     * Devices from every {@code DeviceList}: each is one device (it holds device fields) or a wrapper of items
     * (each complex child is a device).
     */
    static List<TokenDevice> devices(XmlNode result) {
        List<TokenDevice> devices = new ArrayList<>();
        for (XmlNode list : result.children()) {
            if (!list.localName().equalsIgnoreCase("DeviceList") || !list.isComplex()) {
                continue;
            }
            boolean oneDevice = list.children().stream()
                    .anyMatch(c -> DEVICE_FIELDS.contains(c.localName().toLowerCase(Locale.ROOT)));
            if (oneDevice) {
                devices.add(device(list));
                continue;
            }
            for (XmlNode item : list.children()) {
                if (item.isComplex()) {
                    devices.add(device(item));
                }
            }
        }
        return devices;
    }

    static TokenDevice device(XmlNode d) {
        TokenDevice.Builder b = TokenDevice.builder()
                .boundDeviceIndex(d.childText("BoundDeviceIndex").orElse(""))
                .tokenUserId(d.childText("TokenUserId").orElse(""))
                .tokenUserType(d.childText("TokenUserType").orElse(""))
                .gpsDeviceStatus(d.childText("GPSDeviceStatus").orElse(""))
                .netDeviceStatus(d.childText("NetDeviceStatus").orElse(""))
                .deviceBindDate(ThreddDateTime.parse(d.childText("DeviceBindDate").orElse("")))
                .deviceStatusDate(ThreddDateTime.parse(d.childText("DeviceStatusDate").orElse("")))
                .deviceType(d.childText("DeviceType").orElse(""))
                .deviceLang(d.childText("DeviceLang").orElse(null))
                .deviceId(d.childText("DeviceID").orElse(null))
                .deviceTelNum(d.childText("DeviceTelNum").orElse(null))
                .deviceName(d.childText("DeviceName").orElse(null))
                // Thredd spells it DeviceLongitiude; the corrected spelling is read too, should it ever be fixed.
                .longitude(decimal(d.childText("DeviceLongitiude").or(() -> d.childText("DeviceLongitude"))))
                .latitude(decimal(d.childText("DeviceLatitude")))
                .deviceIp(d.childText("DeviceIP").orElse(null));
        return b.build();
    }

    private static BigDecimal decimal(Optional<String> text) {
        return text.map(String::strip).filter(t -> DECIMAL.matcher(t).matches()).map(BigDecimal::new).orElse(null);
    }

    private SoapFaultException fault(Func func, SoapVersion version, XmlNode fault, int status, long wsid) {
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
                credentials.scrub(Redactor.body(reason, 500)), status, wsid);
    }

    private HttpStatusException httpStatus(String operation, HttpResponse response, String advice) {
        String excerpt = credentials.scrub(Redactor.body(response.bodyAsString(),
                HttpStatusException.MAX_EXCERPT_CHARS));
        String message = operation + " failed with HTTP " + response.statusCode()
                + (advice.isEmpty() ? "." : ": " + advice);
        return new HttpStatusException(message, response.statusCode(), response.headers(), excerpt);
    }

    private MalformedResponseException malformed(String message, HttpResponse response, Throwable cause) {
        String excerpt = credentials.scrub(Redactor.body(response.bodyAsString(), 500));
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
