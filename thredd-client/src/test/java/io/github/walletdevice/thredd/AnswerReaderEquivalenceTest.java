package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.ThreddWire;
import io.github.walletdevice.thredd.internal.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The decoder reading in one pass gives what the former one (tree, then search: {@link FormerResponseDecoder})
 * gave, answer or exception, on generated answers: both SOAP versions and others, faults, both DeviceList shapes,
 * names in any case and namespace, repeated, blank and unknown elements, text split by comments and CDATA, and
 * bodies the reader refuses.
 */
class AnswerReaderEquivalenceTest {
    private static final long WSID = 1_717_000_000_123L;
    private static final Credentials CREDENTIALS = new Credentials("user", "s3cret-pw");
    private static final String RESPONSE = ThreddWire.OPERATION + "Response";
    private static final String RESULT = ThreddWire.OPERATION + "Result";

    private static final String[] ENVELOPE_NAMESPACES = {Fixtures.SOAP12, Fixtures.SOAP12, Fixtures.SOAP11,
        Fixtures.SOAP11, "urn:other", ""};
    private static final String[] FIELD_NAMES = {"BoundDeviceIndex", "boundDEVICEindex", "TokenUserId",
        "TokenUserType", "GPSDeviceStatus", "NetDeviceStatus", "netdevicestatus", "DeviceBindDate",
        "DeviceStatusDate", "DeviceType", "DEVICETYPE", "DeviceLang", "DeviceID", "deviceId", "DeviceTelNum",
        "DeviceName", "DeviceLongitiude", "DeviceLongitude", "DeviceLatitude", "DeviceIP", "Devİceid", "DevıceID"};
    private static final String[] OTHER_NAMES = {"DeviceListItem", "Item", "Other", "X", "DeviceList", "ActionCode",
        "WSID"};
    private static final String[] TEXTS = {"", " ", "\n  ", "0", "1", "01", "A", "S", "03", "12.5", " -0.25 ", "+3.",
        ".5", "1e3", "abc", "x y", "2024-05-01T10:11:12", "2024-05-01 10:11:12", "2024-05-01 101112",
        "2024-02-30 10:11:12", "05/03/2024 10:11:12", "2024-05-01", "&amp;", "&lt;b&gt;", "<![CDATA[ c ]]>",
        "<!-- c -->", "1<!-- c -->2", "<?pi x?>", "é", "\u2003"};

    private static final String[] BROKEN = {"<!DOCTYPE x>", "&ent;", "<unclosed>", "</extra>", "<a/><b/>"};

    private static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    private static String anyCase(Random rnd, String name) {
        return switch (rnd.nextInt(6)) {
            case 0 -> name.toLowerCase(java.util.Locale.ROOT);
            case 1 -> name.toUpperCase(java.util.Locale.ROOT);
            default -> name;
        };
    }

    /** An element with a prefix of its own, sometimes. */
    private static void element(StringBuilder xml, Random rnd, String name, Runnable content) {
        boolean prefixed = rnd.nextInt(5) == 0;
        String tag = prefixed ? "q:" + name : name;
        xml.append('<').append(tag).append(prefixed ? " xmlns:q=\"urn:q\"" : "").append('>');
        content.run();
        xml.append("</").append(tag).append('>');
    }

    private static void leaf(StringBuilder xml, Random rnd, String name) {
        element(xml, rnd, name, () -> xml.append(pick(rnd, TEXTS)));
    }

    private static void device(StringBuilder xml, Random rnd) {
        int n = rnd.nextInt(18);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(8) == 0) {
                String name = pick(rnd, OTHER_NAMES);
                element(xml, rnd, name, () -> {
                    xml.append(pick(rnd, TEXTS));
                    if (rnd.nextBoolean()) {
                        leaf(xml, rnd, pick(rnd, FIELD_NAMES));
                    }
                });
            } else if (rnd.nextInt(10) == 0) {
                // a field holding elements: its own text still counts
                element(xml, rnd, pick(rnd, FIELD_NAMES), () -> {
                    xml.append(pick(rnd, TEXTS));
                    leaf(xml, rnd, pick(rnd, FIELD_NAMES));
                    xml.append(pick(rnd, TEXTS));
                });
            } else {
                leaf(xml, rnd, pick(rnd, FIELD_NAMES));
            }
        }
    }

    private static void deviceList(StringBuilder xml, Random rnd) {
        element(xml, rnd, anyCase(rnd, "DeviceList"), () -> {
            switch (rnd.nextInt(4)) {
                case 0, 1 -> device(xml, rnd);
                case 2 -> {
                    int items = rnd.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        xml.append(pick(rnd, TEXTS));
                        element(xml, rnd, pick(rnd, OTHER_NAMES), () -> device(xml, rnd));
                    }
                }
                default -> xml.append(pick(rnd, TEXTS));
            }
        });
    }

    private static void result(StringBuilder xml, Random rnd) {
        int n = rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(7)) {
                case 0 -> element(xml, rnd, anyCase(rnd, "ActionCode"), () -> xml.append(
                        rnd.nextInt(4) == 0 ? pick(rnd, TEXTS) : pick(rnd, new String[] {"000", " 218 ", "868"})));
                case 1 -> element(xml, rnd, anyCase(rnd, "WSID"), () -> xml.append(
                        rnd.nextInt(4) == 0 ? pick(rnd, TEXTS) : rnd.nextInt(5) == 0 ? "42" : " " + WSID + " "));
                case 2 -> element(xml, rnd, anyCase(rnd, "IssCode"), () -> xml.append(pick(rnd, TEXTS)));
                case 3, 4 -> deviceList(xml, rnd);
                case 5 -> leaf(xml, rnd, pick(rnd, OTHER_NAMES));
                default -> xml.append(pick(rnd, TEXTS));
            }
        }
        if (rnd.nextInt(3) > 0) {
            element(xml, rnd, "ActionCode", () -> xml.append("000"));
        }
    }

    private static void fault(StringBuilder xml, Random rnd, String p) {
        xml.append('<').append(p).append("Fault>");
        if (rnd.nextBoolean()) {
            xml.append("<faultcode>").append(pick(rnd, TEXTS)).append("soap:Client</faultcode><faultstring>")
                    .append(pick(rnd, TEXTS)).append(" s3cret-pw</faultstring>");
        } else {
            xml.append('<').append(p).append("Code><").append(p).append("Value>").append(pick(rnd, TEXTS))
                    .append("</").append(p).append("Value>");
            if (rnd.nextBoolean()) {
                xml.append('<').append(p).append("Subcode><").append(p).append("Value>Sub")
                        .append(pick(rnd, TEXTS)).append("</").append(p).append("Value></").append(p)
                        .append("Subcode>");
            }
            xml.append("</").append(p).append("Code><").append(p).append("Reason><").append(p)
                    .append("Text>").append(pick(rnd, TEXTS)).append("</").append(p).append("Text></").append(p)
                    .append("Reason>");
        }
        xml.append("</").append(p).append("Fault>");
    }

    private static String document(Random rnd) {
        String ns = pick(rnd, ENVELOPE_NAMESPACES);
        String p = "s:";
        StringBuilder xml = new StringBuilder();
        if (rnd.nextInt(10) == 0) {
            xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        }
        String root = rnd.nextInt(15) == 0 ? "envelope" : "Envelope";
        xml.append('<').append(p).append(root).append(" xmlns:s=\"").append(ns).append("\">");
        if (rnd.nextInt(3) == 0) {
            xml.append("<s:Header><x>").append(pick(rnd, TEXTS)).append("</x></s:Header>");
        }
        if (rnd.nextInt(10) == 0) {
            xml.append("<Body><").append(RESPONSE).append("><").append(RESULT)
                    .append("><ActionCode>999</ActionCode></").append(RESULT).append("></").append(RESPONSE)
                    .append("></Body>");
        }
        int bodies = rnd.nextInt(12) == 0 ? 2 : 1;
        for (int b = 0; b < bodies; b++) {
            xml.append('<').append(p).append(rnd.nextInt(15) == 0 ? "body" : "Body").append('>');
            xml.append(pick(rnd, TEXTS));
            switch (rnd.nextInt(8)) {
                case 0 -> fault(xml, rnd, rnd.nextInt(4) == 0 ? "" : p);
                case 1 -> leaf(xml, rnd, "Other");
                default -> {
                }
            }
            if (rnd.nextInt(12) > 0) {
                String response = rnd.nextInt(12) == 0 ? anyCase(rnd, RESPONSE) : RESPONSE;
                element(xml, rnd, response, () -> {
                    if (rnd.nextInt(6) == 0) {
                        leaf(xml, rnd, "Other");
                    }
                    int results = rnd.nextInt(10) == 0 ? 2 : 1;
                    for (int r = 0; r < results; r++) {
                        element(xml, rnd, rnd.nextInt(10) == 0 ? "Other" : anyCase(rnd, RESULT),
                                () -> result(xml, rnd));
                    }
                });
            }
            if (rnd.nextInt(8) == 0) {
                fault(xml, rnd, p);
            }
            xml.append("</").append(p).append(rnd.nextInt(15) == 0 ? "body" : "Body").append('>');
        }
        xml.append("</").append(p).append(root).append('>');
        String doc = xml.toString().replace("s:body>", "s:Body>").replace("s:envelope>", "s:Envelope>");
        if (rnd.nextInt(25) == 0) {
            int at = rnd.nextInt(doc.length());
            doc = doc.substring(0, at) + pick(rnd, BROKEN) + doc.substring(at);
        }
        return doc;
    }

    private static List<Object> outcome(Supplier<ThreddAnswer> decode) {
        try {
            ThreddAnswer a = decode.get();
            List<Object> instants = new ArrayList<>();
            // The former decoder kept neither unknown elements nor the coordinates' text: compared without them.
            List<TokenDevice> devices = new ArrayList<>();
            for (TokenDevice d : a.devices()) {
                instants.add(d.deviceBindDate().instant());
                instants.add(d.deviceStatusDate().instant());
                devices.add(Fixtures.asFormerlyRead(d));
            }
            return Arrays.asList("answer", a.wsid(), a.issCode(), a.actionCode(), devices, instants);
        } catch (SoapFaultException e) {
            return Arrays.asList(e.getClass(), e.getMessage(), e.soapVersion(), e.faultCode(), e.reason(),
                    e.httpStatus(), e.wsid());
        } catch (HttpStatusException e) {
            return Arrays.asList(e.getClass(), e.getMessage(), e.statusCode(), e.bodyExcerpt());
        } catch (MalformedResponseException e) {
            return Arrays.asList(e.getClass(), e.getMessage(), e.bodyExcerpt(),
                    e.getCause() == null ? null : e.getCause().getMessage());
        }
    }

    private static void assertSameOutcome(int status, String body) {
        HttpResponse response = new HttpResponse(status, HttpHeaders.empty(), body.getBytes(StandardCharsets.UTF_8));
        List<Object> expected = outcome(() -> new FormerResponseDecoder(CREDENTIALS).decode(Func.LIST, WSID,
                response));
        List<Object> actual = outcome(() -> new ResponseDecoder(CREDENTIALS).decode(Func.LIST, WSID, response));
        assertThat(actual).as("HTTP %d %s", status, body).isEqualTo(expected);
    }

    @Test
    void generatedAnswersGiveWhatTheFormerDecoderGave() {
        Random rnd = new Random(20261201L);
        int[] statuses = {200, 200, 200, 200, 200, 201, 500, 400, 404};
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int status = statuses[rnd.nextInt(statuses.length)];
            String body = document(rnd);
            assertSameOutcome(status, body);
            if (kinds.size() < 200) {
                kinds.add(outcome(() -> new ResponseDecoder(CREDENTIALS).decode(Func.LIST, WSID,
                        new HttpResponse(status, HttpHeaders.empty(), body.getBytes(StandardCharsets.UTF_8))))
                        .get(0).toString());
            }
        }
        // The generator reaches every outcome, not only one.
        assertThat(kinds).contains("answer", SoapFaultException.class.toString(),
                HttpStatusException.class.toString(), MalformedResponseException.class.toString());
    }

    @Test
    void generatedAnswersListDevicesInBothShapes() {
        Random rnd = new Random(5L);
        int withDevices = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder xml = new StringBuilder("<s:Envelope xmlns:s=\"" + Fixtures.SOAP12 + "\"><s:Body><"
                    + RESPONSE + "><" + RESULT + "><ActionCode>000</ActionCode>");
            int lists = 1 + rnd.nextInt(3);
            for (int l = 0; l < lists; l++) {
                deviceList(xml, rnd);
            }
            xml.append("</").append(RESULT).append("></").append(RESPONSE).append("></s:Body></s:Envelope>");
            assertSameOutcome(200, xml.toString());
            HttpResponse response = new HttpResponse(200, HttpHeaders.empty(),
                    xml.toString().getBytes(StandardCharsets.UTF_8));
            if (!new ResponseDecoder(CREDENTIALS).decode(Func.LIST, WSID, response).devices().isEmpty()) {
                withDevices++;
            }
        }
        assertThat(withDevices).isGreaterThan(2_000);
    }

    @Test
    void theFixturesAndRefusedBodiesGiveWhatTheFormerDecoderGave() {
        for (String name : List.of("list-repeated.xml", "list-wrapped.xml", "action.xml", "fault-1.1.xml",
                "fault-1.1-server.xml", "fault-1.2.xml", "fault-1.2-sender.xml", "spec-response-218.xml",
                "error-page.html")) {
            String body = Fixtures.answer(name, WSID).replace("${ACTION}", "000");
            for (int status : new int[] {200, 500, 502}) {
                assertSameOutcome(status, body);
            }
        }
        String deep = "<a>".repeat(SafeXmlReader.MAX_DEPTH + 1) + "</a>".repeat(SafeXmlReader.MAX_DEPTH + 1);
        for (String body : List.of(deep, "", "not xml", "<a/>", "<a/><b/>", "<!DOCTYPE a><a/>",
                "<a>&x;</a>", "<s:Envelope xmlns:s=\"" + Fixtures.SOAP12 + "\"><s:Body/></s:Envelope>")) {
            assertSameOutcome(200, body);
            assertSameOutcome(500, body);
        }
    }
}
