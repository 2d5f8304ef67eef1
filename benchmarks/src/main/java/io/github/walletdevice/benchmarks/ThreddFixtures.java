package io.github.walletdevice.benchmarks;

import io.github.walletdevice.thredd.TokenRef;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** The Thredd list exchange the benchmarks repeat: a DPAN with 5 bound devices (or any number), SOAP 1.2. */
final class ThreddFixtures {
    static final String PATH = "/hyperion/service.asmx";
    static final String USER = "gps-user";
    static final String PASSWORD = "Pa55-w0rd!";
    static final String ISS_CODE = "PMT";
    static final String DPAN = "4000001234567899";
    static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8; "
            + "action=\"http://www.globalprocessing.ae/HyperionWeb/Ws_Token_Device_Management\"";
    static final int DEVICES = 5;

    private static final byte[] WSID_TAG = "WSID>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER_HEAD;
    private static final byte[] ANSWER_TAIL;

    static {
        String head = """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
                  <soap:Body>
                    <Ws_Token_Device_ManagementResponse xmlns="http://www.globalprocessing.ae/HyperionWeb">
                      <Ws_Token_Device_ManagementResult>
                        <WSID>""";
        String tail = tail(DEVICES);
        ANSWER_HEAD = head.getBytes(StandardCharsets.UTF_8);
        ANSWER_TAIL = tail.getBytes(StandardCharsets.UTF_8);
    }

    /** The answer after the WSID, with {@code devices} bound devices (day of month 1–28, so any count parses). */
    private static String tail(int devices) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= devices; i++) {
            int day = (i - 1) % 28 + 1;
            list.append("""
                            <DeviceList>
                              <BoundDeviceIndex>%d</BoundDeviceIndex>
                              <TokenUserId>4001003027%d</TokenUserId>
                              <TokenUserType>03</TokenUserType>
                              <GPSDeviceStatus>A</GPSDeviceStatus>
                              <NetDeviceStatus>A</NetDeviceStatus>
                              <DeviceBindDate>2024-03-%02d 10:11:12</DeviceBindDate>
                              <DeviceStatusDate>2024-03-%02d 10:11:12</DeviceStatusDate>
                              <DeviceType>M</DeviceType>
                              <DeviceLang>en</DeviceLang>
                              <DeviceID>04A1B2C3D4E5F60718293A4B5C6D7E8%d</DeviceID>
                              <DeviceTelNum>44770090012%d</DeviceTelNum>
                              <DeviceName>Phone %d</DeviceName>
                              <DeviceLongitiude>-0.1276</DeviceLongitiude>
                              <DeviceLatitude>51.5072</DeviceLatitude>
                              <DeviceIP>203.0.113.%d</DeviceIP>
                            </DeviceList>
                    """.formatted(i, i, day, day, i, i, i, i));
        }
        return """
                </WSID>
                        <IssCode>PMT</IssCode>
                        <ActionCode>000</ActionCode>
                """ + list + """
                      </Ws_Token_Device_ManagementResult>
                    </Ws_Token_Device_ManagementResponse>
                  </soap:Body>
                </soap:Envelope>
                """;
    }

    /** The hand-written client's request: built once, a fixed WSID. */
    static final String ENVELOPE = """
            <?xml version="1.0" encoding="UTF-8"?>\
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:hyp="http://www.globalprocessing.ae/HyperionWeb">\
            <soap:Header><hyp:AuthSoapHeader><hyp:strUserName>gps-user</hyp:strUserName>\
            <hyp:strPassword>Pa55-w0rd!</hyp:strPassword></hyp:AuthSoapHeader></soap:Header>\
            <soap:Body><hyp:Ws_Token_Device_Management><hyp:WSID>11012021817</hyp:WSID>\
            <hyp:IssCode>PMT</hyp:IssCode><hyp:Func>00</hyp:Func><hyp:DPAN>4000001234567899</hyp:DPAN>\
            </hyp:Ws_Token_Device_Management></soap:Body></soap:Envelope>""";

    private ThreddFixtures() {
    }

    static TokenRef token() {
        return TokenRef.ofDpan(DPAN);
    }

    /** The answer to a request: 5 devices, echoing the request's WSID as Thredd does. */
    static byte[] answer(byte[] request) {
        return answer(request, ANSWER_TAIL);
    }

    /**
     * An answer function with {@code devices} bound devices (0 or more), echoing the WSID as {@link #answer} does.
     */
    static UnaryOperator<byte[]> answerWith(int devices) {
        byte[] tail = tail(devices).getBytes(StandardCharsets.UTF_8);
        return request -> answer(request, tail);
    }

    private static byte[] answer(byte[] request, byte[] tail) {
        int from = indexOf(request, WSID_TAG) + WSID_TAG.length;
        int to = from;
        while (to < request.length && request[to] >= '0' && request[to] <= '9') {
            to++;
        }
        if (from < WSID_TAG.length || to == from) {
            throw new IllegalArgumentException("no WSID in the request");
        }
        byte[] out = new byte[ANSWER_HEAD.length + (to - from) + tail.length];
        System.arraycopy(ANSWER_HEAD, 0, out, 0, ANSWER_HEAD.length);
        System.arraycopy(request, from, out, ANSWER_HEAD.length, to - from);
        System.arraycopy(tail, 0, out, ANSWER_HEAD.length + (to - from), tail.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
