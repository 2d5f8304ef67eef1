package io.github.walletdevice.thredd;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.thredd.internal.Credentials;
import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.ThreddWire;
import io.github.walletdevice.thredd.internal.XmlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The response decoder as it was before it read in one pass: the body read into an {@link XmlNode} tree, then
 * searched. Kept as it was (only renamed, its constants taken from {@link ResponseDecoder}) for
 * {@link AnswerReaderEquivalenceTest}.
 */
final class FormerResponseDecoder {
    static final int MAX_RESPONSE_BYTES = ResponseDecoder.MAX_RESPONSE_BYTES;

    static final String FAIR_USE_ADVICE = ResponseDecoder.FAIR_USE_ADVICE;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");

    private final Credentials credentials;

    FormerResponseDecoder(Credentials credentials) {
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
        XmlNode soapBody = null;
        for (XmlNode c : root.children()) {
            if (c.is(ns, "Body")) {
                soapBody = c;
                break;
            }
        }
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

    // The device elements of the specification, one slot each: FIELDS[slot]. Thredd spells it DeviceLongitiude; the
    // corrected spelling is read too, should it ever be fixed.
    static final int BOUND_DEVICE_INDEX = 0;
    static final int TOKEN_USER_ID = 1;
    static final int TOKEN_USER_TYPE = 2;
    static final int GPS_DEVICE_STATUS = 3;
    static final int NET_DEVICE_STATUS = 4;
    static final int DEVICE_BIND_DATE = 5;
    static final int DEVICE_STATUS_DATE = 6;
    static final int DEVICE_TYPE = 7;
    static final int DEVICE_LANG = 8;
    static final int DEVICE_ID = 9;
    static final int DEVICE_TEL_NUM = 10;
    static final int DEVICE_NAME = 11;
    static final int DEVICE_LONGITIUDE = 12;
    static final int DEVICE_LONGITUDE = 13;
    static final int DEVICE_LATITUDE = 14;
    static final int DEVICE_IP = 15;
    static final List<String> FIELDS = List.of("BoundDeviceIndex", "TokenUserId", "TokenUserType", "GPSDeviceStatus",
            "NetDeviceStatus", "DeviceBindDate", "DeviceStatusDate", "DeviceType", "DeviceLang", "DeviceID",
            "DeviceTelNum", "DeviceName", "DeviceLongitiude", "DeviceLongitude", "DeviceLatitude", "DeviceIP");

    // The same names in lower case: a DeviceList holding one of them is a device itself.
    private static final Set<String> DEVICE_FIELDS = FIELDS.stream().map(f -> f.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The slots of FIELDS by name length. {@code equalsIgnoreCase} never matches strings of different lengths, so
     * a name is compared only with the two or three fields of its length, not with all sixteen.
     */
    private static final int[][] SLOTS_BY_LENGTH = slotsByLength();

    private static int[][] slotsByLength() {
        int longest = 0;
        for (String f : FIELDS) {
            longest = Math.max(longest, f.length());
        }
        int[][] byLength = new int[longest + 1][0];
        for (int slot = 0; slot < FIELDS.size(); slot++) {
            int len = FIELDS.get(slot).length();
            int[] grown = Arrays.copyOf(byLength[len], byLength[len].length + 1);
            grown[grown.length - 1] = slot;
            byLength[len] = grown;
        }
        return byLength;
    }

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
            if (holdsDeviceField(list)) {
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

    /** Whether a child's name, lower-cased in {@link Locale#ROOT}, is one of {@link #DEVICE_FIELDS}. */
    static boolean holdsDeviceField(XmlNode list) {
        for (XmlNode c : list.children()) {
            if (isDeviceField(c.localName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code DEVICE_FIELDS.contains(name.toLowerCase(Locale.ROOT))}, without lower-casing an ASCII name: for one,
     * that is exactly {@code equalsIgnoreCase} with a field of its length. Any other name is lower-cased as before.
     */
    static boolean isDeviceField(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return DEVICE_FIELDS.contains(name.toLowerCase(Locale.ROOT));
            }
        }
        if (name.length() >= SLOTS_BY_LENGTH.length) {
            return false;
        }
        for (int slot : SLOTS_BY_LENGTH[name.length()]) {
            if (name.equalsIgnoreCase(FIELDS.get(slot))) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each of FIELDS, the first child whose local name {@code equalsIgnoreCase} it (as
     * {@link XmlNode#firstChild} finds it), or null: one pass over the children instead of one per field.
     */
    static XmlNode[] deviceFields(XmlNode d) {
        XmlNode[] found = new XmlNode[FIELDS.size()];
        for (XmlNode c : d.children()) {
            String name = c.localName();
            if (name.length() >= SLOTS_BY_LENGTH.length) {
                continue;
            }
            for (int slot : SLOTS_BY_LENGTH[name.length()]) {
                if (found[slot] == null && name.equalsIgnoreCase(FIELDS.get(slot))) {
                    found[slot] = c;
                }
            }
        }
        return found;
    }

    static TokenDevice device(XmlNode d) {
        XmlNode[] f = deviceFields(d);
        String longitude = text(f, DEVICE_LONGITIUDE);
        TokenDevice.Builder b = TokenDevice.builder()
                .boundDeviceIndex(orEmpty(text(f, BOUND_DEVICE_INDEX)))
                .tokenUserId(orEmpty(text(f, TOKEN_USER_ID)))
                .tokenUserType(orEmpty(text(f, TOKEN_USER_TYPE)))
                .gpsDeviceStatus(orEmpty(text(f, GPS_DEVICE_STATUS)))
                .netDeviceStatus(orEmpty(text(f, NET_DEVICE_STATUS)))
                .deviceBindDate(ThreddDateTime.parse(orEmpty(text(f, DEVICE_BIND_DATE))))
                .deviceStatusDate(ThreddDateTime.parse(orEmpty(text(f, DEVICE_STATUS_DATE))))
                .deviceType(orEmpty(text(f, DEVICE_TYPE)))
                .deviceLang(text(f, DEVICE_LANG))
                .deviceId(text(f, DEVICE_ID))
                .deviceTelNum(text(f, DEVICE_TEL_NUM))
                .deviceName(text(f, DEVICE_NAME))
                .longitude(decimal(longitude != null ? longitude : text(f, DEVICE_LONGITUDE)))
                .latitude(decimal(text(f, DEVICE_LATITUDE)))
                .deviceIp(text(f, DEVICE_IP));
        return b.build();
    }

    private static String text(XmlNode[] fields, int slot) {
        return XmlNode.textOrNull(fields[slot]);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return DECIMAL.matcher(t).matches() ? new BigDecimal(t) : null;
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
                Redactor.body(credentials.scrub(reason), 500), status, wsid);
    }

    private HttpStatusException httpStatus(String operation, HttpResponse response, String advice) {
        String excerpt = Redactor.body(credentials.scrub(response.bodyAsString()),
                HttpStatusException.MAX_EXCERPT_CHARS);
        String message = operation + " failed with HTTP " + response.statusCode()
                + (advice.isEmpty() ? "." : ": " + advice);
        return new HttpStatusException(message, response.statusCode(), response.headers(), excerpt);
    }

    private MalformedResponseException malformed(String message, HttpResponse response, Throwable cause) {
        String excerpt = Redactor.body(credentials.scrub(response.bodyAsString()), 500);
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
