package io.github.walletdevice.interop;

import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed answers every test server gives, whatever it is written in: a Device Gateway answer with one command
 * (read the purse of the sample transit card) to a first call, a final one (balance, card account) to a call that
 * carries the card's responses, and Thredd SOAP 1.2 answers to list (one device) and unbind (000) that echo the
 * request's WSID. The Python and Node servers get the same texts on their command line.
 */
final class Answers {
    static final String GATEWAY_PATH = "/tes/devicegtwapi/1/0/";
    static final String THREDD_PATH = "/thredd/Ws_Token_Device_Management.asmx";
    static final String JSON = "application/json";
    static final String SOAP = "application/soap+xml; charset=utf-8";

    static final String GATEWAY_COMMAND = "{\"statusCode\":0,\"statusMessage\":\"OK\","
            + "\"commands\":[{\"commandId\":\"1\",\"command\":\"" + HexFormat.of().withUpperCase().formatHex(
                    ReadWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM, CardImages.PURSE, 0).encode()) + "\"}]}";
    static final String GATEWAY_DONE = "{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":[],\"balance\":500,"
            + "\"cardAccountId\":\"ACC-0001\"}";

    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
            + "<Ws_Token_Device_ManagementResponse xmlns=\"http://www.globalprocessing.ae/HyperionWeb\">"
            + "<Ws_Token_Device_ManagementResult><WSID>${WSID}</WSID><IssCode>PMT</IssCode>"
            + "<ActionCode>000</ActionCode>";
    private static final String ENVELOPE_END = "</Ws_Token_Device_ManagementResult>"
            + "</Ws_Token_Device_ManagementResponse></soap:Body></soap:Envelope>";
    static final String THREDD_LIST = ENVELOPE_START + "<DeviceList><BoundDeviceIndex>1</BoundDeviceIndex>"
            + "<TokenUserType>03</TokenUserType><GPSDeviceStatus>A</GPSDeviceStatus>"
            + "<NetDeviceStatus>A</NetDeviceStatus>"
            + "<DeviceBindDate>2024-03-05 10:11:12</DeviceBindDate><DeviceType>M</DeviceType>"
            + "<DeviceName>Test phone</DeviceName></DeviceList>" + ENVELOPE_END;
    static final String THREDD_UNBIND = ENVELOPE_START + ENVELOPE_END;

    private static final Pattern WSID = Pattern.compile("<(?:\\w+:)?WSID>(\\d+)</");

    private Answers() {
    }

    /** A content type and body. */
    record Answer(String contentType, byte[] body) {
    }

    /**
     * The answer to a POST: by path (gateway or Thredd), then by body (first call or not; list or unbind).
     *
     * @param path the request path
     * @param body the request body
     * @return what to send back with status 200
     */
    static Answer answer(String path, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.startsWith(GATEWAY_PATH)) {
            return new Answer(JSON, utf8(text.contains("\"commandId\"") ? GATEWAY_DONE : GATEWAY_COMMAND));
        }
        Matcher m = WSID.matcher(text);
        String wsid = m.find() ? m.group(1) : "0";
        String soap = text.contains("Func>01<") ? THREDD_UNBIND : THREDD_LIST;
        return new Answer(SOAP, utf8(soap.replace("${WSID}", wsid)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
