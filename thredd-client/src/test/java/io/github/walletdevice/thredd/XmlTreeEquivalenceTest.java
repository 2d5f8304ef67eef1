package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.XmlNode;
import io.github.walletdevice.thredd.internal.ThreddWire;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The XML tree is read and searched without a StringBuilder per element, and devices are read in one pass over
 * the answer without lower-casing names: checked against the former code (kept here as it was) on generated
 * documents and trees.
 */
class XmlTreeEquivalenceTest {

    private static final String[] NAMES = {"BoundDeviceIndex", "boundDEVICEindex", "TokenUserId", "tokenuserid",
        "TokenUserType", "GPSDeviceStatus", "gpsdevicestatus", "NetDeviceStatus", "DeviceBindDate",
        "DeviceStatusDate", "DeviceType", "DEVICETYPE", "DeviceLang", "DeviceID", "deviceId", "DeviceTelNum",
        "DeviceName", "DeviceLongitiude", "DeviceLongitude", "devicelongitude", "DeviceLatitude", "DeviceIP",
        "DeviceIp", "DeviceList", "devicelist", "Device", "Item", "Other", "X",
        // equalsIgnoreCase and toLowerCase(ROOT) disagree on these: the former code's rules hold for both.
        "Devİceid", "DevıceID", "TokenUſerId", "Devicetype\u212a", "DEVICEİP", "DeviceIP\uD801\uDC00",
        "\uD801\uDC00", "\uD801\uDC28"};
    /** The names the JDK's parser takes as element names (XML 1.0 4th edition name characters). */
    private static final String[] XML_NAMES = Stream.of(NAMES).filter(n -> n.chars().allMatch(c -> c < 0x17f))
            .toArray(String[]::new);
    private static final String[] TEXTS = {"", " ", "\n  ", "\t", "\u2003", "\u00a0", "\u0085", "\r\n", "&#xd;", "0",
        "1", "01", "2", "12.5", " -0.25 ", "+3.", ".5", "abc", "x y", "2024-05-01T10:11:12", "2024-05-01 10:11:12",
        "20240501", "&amp;", "&#x20;", "&#x2003;", "&lt;b&gt;", "<![CDATA[ c ]]>", "<![CDATA[]]>", "<!-- c -->",
        "<?pi x?>", "\uD83D\uDE00", "é", "\u3000", "\u200b"};

    // --- the former code -----------------------------------------------------------------------------------

    private static final class OldBuilding {
        final String namespace;
        final String localName;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        OldBuilding(String namespace, String localName) {
            this.namespace = namespace;
            this.localName = localName;
        }

        XmlNode build() {
            return new XmlNode(namespace, localName, text.toString().strip(), children);
        }
    }

    private static XmlNode oldRead(byte[] body) throws Exception {
        XMLStreamReader r = SafeXmlReader.factory().createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            Deque<OldBuilding> open = new ArrayDeque<>();
            XmlNode root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT ->
                            open.push(new OldBuilding(r.getNamespaceURI(), r.getLocalName()));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().children.add(done);
                        }
                    }
                    default -> {
                    }
                }
            }
            return root;
        } finally {
            r.close();
        }
    }

    private static Optional<XmlNode> oldChild(XmlNode n, String name) {
        for (XmlNode c : n.children()) {
            if (c.localName().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> oldChildText(XmlNode n, String name) {
        return oldChild(n, name).map(XmlNode::text).filter(t -> !t.isEmpty());
    }

    private static final Set<String> OLD_DEVICE_FIELDS = Set.of("bounddeviceindex", "tokenuserid",
            "tokenusertype", "gpsdevicestatus", "netdevicestatus", "devicebinddate", "devicestatusdate",
            "devicetype", "devicelang", "deviceid", "devicetelnum", "devicename", "devicelongitiude",
            "devicelongitude", "devicelatitude", "deviceip");

    private static final Pattern OLD_DECIMAL = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");

    private static List<TokenDevice> oldDevices(XmlNode result) {
        List<TokenDevice> devices = new ArrayList<>();
        for (XmlNode list : result.children()) {
            if (!list.localName().equalsIgnoreCase("DeviceList") || !list.isComplex()) {
                continue;
            }
            boolean oneDevice = list.children().stream()
                    .anyMatch(c -> OLD_DEVICE_FIELDS.contains(c.localName().toLowerCase(Locale.ROOT)));
            if (oneDevice) {
                devices.add(oldDevice(list));
                continue;
            }
            for (XmlNode item : list.children()) {
                if (item.isComplex()) {
                    devices.add(oldDevice(item));
                }
            }
        }
        return devices;
    }

    private static TokenDevice oldDevice(XmlNode d) {
        return TokenDevice.builder()
                .boundDeviceIndex(oldChildText(d, "BoundDeviceIndex").orElse(""))
                .tokenUserId(oldChildText(d, "TokenUserId").orElse(""))
                .tokenUserType(oldChildText(d, "TokenUserType").orElse(""))
                .gpsDeviceStatus(oldChildText(d, "GPSDeviceStatus").orElse(""))
                .netDeviceStatus(oldChildText(d, "NetDeviceStatus").orElse(""))
                .deviceBindDate(ThreddDateTime.parse(oldChildText(d, "DeviceBindDate").orElse("")))
                .deviceStatusDate(ThreddDateTime.parse(oldChildText(d, "DeviceStatusDate").orElse("")))
                .deviceType(oldChildText(d, "DeviceType").orElse(""))
                .deviceLang(oldChildText(d, "DeviceLang").orElse(null))
                .deviceId(oldChildText(d, "DeviceID").orElse(null))
                .deviceTelNum(oldChildText(d, "DeviceTelNum").orElse(null))
                .deviceName(oldChildText(d, "DeviceName").orElse(null))
                .longitude(oldDecimal(oldChildText(d, "DeviceLongitiude")
                        .or(() -> oldChildText(d, "DeviceLongitude"))))
                .latitude(oldDecimal(oldChildText(d, "DeviceLatitude")))
                .deviceIp(oldChildText(d, "DeviceIP").orElse(null))
                .build();
    }

    private static BigDecimal oldDecimal(Optional<String> text) {
        return text.map(String::strip).filter(t -> OLD_DECIMAL.matcher(t).matches()).map(BigDecimal::new)
                .orElse(null);
    }

    // --- generated input -----------------------------------------------------------------------------------

    private static void element(Random rnd, StringBuilder xml, int depth) {
        String name = XML_NAMES[rnd.nextInt(XML_NAMES.length)];
        String prefix = rnd.nextInt(4) == 0 ? "p:" : "";
        xml.append('<').append(prefix).append(name).append(prefix.isEmpty() ? "" : " xmlns:p=\"urn:p\"")
                .append('>');
        int parts = rnd.nextInt(depth < 3 ? 6 : 3);
        for (int i = 0; i < parts; i++) {
            if (depth < 3 && rnd.nextInt(3) == 0) {
                element(rnd, xml, depth + 1);
            } else {
                xml.append(TEXTS[rnd.nextInt(TEXTS.length)]);
            }
        }
        xml.append("</").append(prefix).append(name).append('>');
    }

    /** The devices of a result element (the XML of one) as the decoder reads it, in an envelope. */
    private static String outcome(String resultXml) {
        String response = ThreddWire.OPERATION + "Response";
        String body = "<s:Envelope xmlns:s=\"" + Fixtures.SOAP12 + "\"><s:Body><" + response + ">" + resultXml
                + "</" + response + "></s:Body></s:Envelope>";
        try {
            AnswerReader reader = new AnswerReader();
            SafeXmlReader.scan(body.getBytes(StandardCharsets.UTF_8), reader);
            assertThat(reader.hasResult()).as(body).isTrue();
            return "devices " + reader.devices().stream().map(Fixtures::asFormerlyRead).toList();
        } catch (RuntimeException | SafeXmlReader.XmlRejectedException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** A tree as XML (its names XML names, its texts needing no escape): its text, then its children. */
    private static String xml(XmlNode n) {
        StringBuilder sb = new StringBuilder("<").append(n.localName()).append('>').append(n.text());
        n.children().forEach(c -> sb.append(xml(c)));
        return sb.append("</").append(n.localName()).append('>').toString();
    }

    private static String oldOutcome(XmlNode result) {
        try {
            return "devices " + oldDevices(result);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void generatedDocumentsGiveTheSameTreesAndDevicesAsBefore() throws Exception {
        Random rnd = new Random(20261130L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder xml = new StringBuilder("<r:Ws_Token_Device_ManagementResult xmlns:r=\"urn:r\">");
            int lists = 1 + rnd.nextInt(3);
            for (int l = 0; l < lists; l++) {
                element(rnd, xml, 0);
            }
            xml.append(TEXTS[rnd.nextInt(TEXTS.length)]).append("</r:Ws_Token_Device_ManagementResult>");
            byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
            XmlNode expected = oldRead(body);
            XmlNode actual = SafeXmlReader.read(body);
            assertThat(actual).as(xml.toString()).isEqualTo(expected);
            assertThat(outcome(xml.toString())).as(xml.toString()).isEqualTo(oldOutcome(expected));
            for (XmlNode n : actual.children()) {
                for (String name : NAMES) {
                    assertThat(n.childText(name)).isEqualTo(oldChildText(n, name));
                    assertThat(n.child(name)).isEqualTo(oldChild(n, name));
                }
            }
        }
    }

    @Test
    void generatedDeviceListsGiveTheSameDevicesAsBefore() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 20_000; i++) {
            List<XmlNode> lists = new ArrayList<>();
            for (int l = 0; l < 1 + rnd.nextInt(2); l++) {
                lists.add(node(rnd, rnd.nextBoolean() ? "DeviceList" : "deviceLIST", 0));
            }
            XmlNode result = new XmlNode("urn:r", ThreddWire.OPERATION + "Result", "", lists);
            assertThat(outcome(xml(result))).as(result.toString()).isEqualTo(oldOutcome(result));
        }
    }

    private static XmlNode node(Random rnd, String name, int depth) {
        List<XmlNode> children = new ArrayList<>();
        int n = depth < 2 ? rnd.nextInt(20) : 0;
        for (int i = 0; i < n; i++) {
            children.add(node(rnd, XML_NAMES[rnd.nextInt(XML_NAMES.length)], depth + 1));
        }
        String[] values = {"", "1", "01", "abc", "12.5", "-7", "x", "2024-05-01T10:11:12", "1.", "2"};
        return new XmlNode("", name, values[rnd.nextInt(values.length)], children);
    }

    @Test
    void aNameIsADeviceFieldExactlyWhenItsRootLowerCaseIsOne() {
        List<String> names = new ArrayList<>(List.of(NAMES));
        for (String f : OLD_DEVICE_FIELDS) {
            names.add(f);
            names.add(f.toUpperCase(Locale.ROOT));
            names.add(f + "x");
            names.add(f.substring(1));
            names.add(f.replace('i', 'İ'));
            names.add(f.replace('i', 'ı'));
            names.add(f.replace('s', 'ſ'));
        }
        for (String name : names) {
            assertThat(DeviceFields.isDeviceField(name)).as(name)
                    .isEqualTo(OLD_DEVICE_FIELDS.contains(name.toLowerCase(Locale.ROOT)));
        }
        assertThat(DeviceFields.FIELDS.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList())
                .containsExactlyInAnyOrderElementsOf(OLD_DEVICE_FIELDS);
    }

    @Test
    void whitespaceSkippedBeforeTheTextIsWhatStripWouldDrop() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(Character.isWhitespace(c)).as("U+%04X", (int) c)
                    .isEqualTo(String.valueOf(c).strip().isEmpty());
        }
    }

    @Test
    void aDeviceTakesTheFirstChildOfEachNameInAnyCaseEvenIfItsTextIsEmpty() {
        XmlNode d = new XmlNode("", "DeviceList", "", List.of(
                leaf("deviceid", "first"), leaf("DeviceID", "second"),
                leaf("DEVICENAME", ""), leaf("DeviceName", "not read"),
                leaf("DeviceLongitiude", ""), leaf("devicelongitude", " 1.5 "),
                leaf("BoundDeviceIndex", "3")));
        DeviceTexts read = new DeviceTexts();
        String[] texts = read.slots;
        texts[DeviceFields.DEVICE_ID] = "first";
        texts[DeviceFields.DEVICE_NAME] = "";
        texts[DeviceFields.DEVICE_LONGITIUDE] = "";
        texts[DeviceFields.DEVICE_LONGITUDE] = "1.5";
        texts[DeviceFields.BOUND_DEVICE_INDEX] = "3";
        TokenDevice device = DeviceFields.device(read);
        assertThat(device.deviceId()).contains("first");
        assertThat(device.deviceName()).isEmpty();
        assertThat(device.longitude()).contains(new BigDecimal("1.5"));
        assertThat(device.boundDeviceIndex()).isEqualTo("3");
        assertThat(outcome("<Ws_Token_Device_ManagementResult>" + xml(d) + "</Ws_Token_Device_ManagementResult>"))
                .isEqualTo("devices " + List.of(device));
        assertThat(d.firstChild("DEVICEid")).isSameAs(d.children().get(0));
        assertThat(d.firstChild("Nothing")).isNull();
        assertThat(d.childTextOrNull("devicename")).isNull();
    }

    private static XmlNode leaf(String name, String text) {
        return new XmlNode("", name, text, List.of());
    }
}
