package io.github.walletdevice.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline for Thredd list: OkHttp posting a prebuilt envelope string, the answer read with a plain StAX
 * loop into strings (a factory made once, DTDs refused as the SDK does). No validation, no types, no WSID check.
 */
final class HandWrittenThredd implements AutoCloseable {
    private static final MediaType SOAP = MediaType.get(ThreddFixtures.CONTENT_TYPE);
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    }

    /** One device, every field as the text on the wire. */
    record Device(String index, String tokenUserId, String tokenUserType, String gpsStatus, String netStatus,
                  String bindDate, String statusDate, String type, String lang, String deviceId, String telNum,
                  String name, String longitude, String latitude, String ip) {
    }

    /** The answer. */
    record Listing(String wsid, String actionCode, List<Device> devices) {
    }

    private final OkHttpClient client;
    private final String url;

    HandWrittenThredd(OkHttpClient client, String url) {
        this.client = client;
        this.url = url;
    }

    Listing list() {
        Request request = new Request.Builder().url(url).post(RequestBody.create(ThreddFixtures.ENVELOPE, SOAP)).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("HTTP " + response.code());
            }
            return parse(response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Listing parse(byte[] body) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                String wsid = null;
                String actionCode = null;
                List<Device> devices = new ArrayList<>();
                String[] fields = null;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        if (name.equals("DeviceList")) {
                            fields = new String[15];
                        } else if (fields != null) {
                            int i = field(name);
                            if (i >= 0) {
                                fields[i] = r.getElementText();
                            }
                        } else if (name.equals("WSID")) {
                            wsid = r.getElementText();
                        } else if (name.equals("ActionCode")) {
                            actionCode = r.getElementText();
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && fields != null
                            && r.getLocalName().equals("DeviceList")) {
                        devices.add(new Device(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
                                fields[6], fields[7], fields[8], fields[9], fields[10], fields[11], fields[12],
                                fields[13], fields[14]));
                        fields = null;
                    }
                }
                return new Listing(wsid, actionCode, devices);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("not XML", e);
        }
    }

    private static int field(String name) {
        return switch (name) {
            case "BoundDeviceIndex" -> 0;
            case "TokenUserId" -> 1;
            case "TokenUserType" -> 2;
            case "GPSDeviceStatus" -> 3;
            case "NetDeviceStatus" -> 4;
            case "DeviceBindDate" -> 5;
            case "DeviceStatusDate" -> 6;
            case "DeviceType" -> 7;
            case "DeviceLang" -> 8;
            case "DeviceID" -> 9;
            case "DeviceTelNum" -> 10;
            case "DeviceName" -> 11;
            case "DeviceLongitiude" -> 12;
            case "DeviceLatitude" -> 13;
            case "DeviceIP" -> 14;
            default -> -1;
        };
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
