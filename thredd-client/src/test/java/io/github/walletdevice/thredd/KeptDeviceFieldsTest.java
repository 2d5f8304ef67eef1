package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Thredd sends is kept: device elements the spec does not name, and coordinates that are not numbers. */
class KeptDeviceFieldsTest {
    private static final Credentials CREDENTIALS = new Credentials("user", "secret-pw");

    private static List<TokenDevice> read(String deviceLists) {
        String body = "<soap:Envelope xmlns:soap=\"" + Fixtures.SOAP12 + "\"><soap:Body>"
                + "<Ws_Token_Device_ManagementResponse xmlns=\"http://www.globalprocessing.ae/HyperionWeb\">"
                + "<Ws_Token_Device_ManagementResult><WSID>7</WSID><IssCode>PMT</IssCode>"
                + "<ActionCode>000</ActionCode>" + deviceLists + "</Ws_Token_Device_ManagementResult>"
                + "</Ws_Token_Device_ManagementResponse></soap:Body></soap:Envelope>";
        return new ResponseDecoder(CREDENTIALS).decode(Func.LIST, 7, new HttpResponse(200, HttpHeaders.empty(),
                body.getBytes(StandardCharsets.UTF_8))).devices();
    }

    @Test
    void unknownElementsOfADeviceAreKeptInBothListShapes() {
        String fields = "<BoundDeviceIndex>1</BoundDeviceIndex><DeviceType>01</DeviceType>"
                + "<WalletProvider>Pay</WalletProvider><DeviceScore> 4 </DeviceScore>"
                + "<WalletProvider>2nd</WalletProvider>";
        TokenDevice repeated = read("<DeviceList>" + fields + "</DeviceList>").get(0);
        TokenDevice wrapped = read("<DeviceList><Item>" + fields + "</Item></DeviceList>").get(0);
        for (TokenDevice d : List.of(repeated, wrapped)) {
            assertThat(d.boundDeviceIndex()).isEqualTo("1");
            assertThat(d.extensions()).containsExactly(Map.entry("WalletProvider", "Pay"),
                    Map.entry("DeviceScore", "4"));
        }
        assertThat(repeated).isEqualTo(wrapped);
    }

    @Test
    void aMalformedCoordinateKeepsItsRawText() {
        TokenDevice d = read("<DeviceList><DeviceLongitiude>12,5 E</DeviceLongitiude>"
                + "<DeviceLatitude>-33.86</DeviceLatitude></DeviceList>").get(0);
        assertThat(d.longitude()).isEmpty();
        assertThat(d.longitudeText()).contains("12,5 E");
        assertThat(d.latitude()).contains(new BigDecimal("-33.86"));
        assertThat(d.latitudeText()).contains("-33.86");
        assertThat(d.toString()).contains("longitudeText=12,5 E");
    }

    @Test
    void aDeviceWithoutUnknownsHasNone() {
        assertThat(read("<DeviceList><DeviceType>01</DeviceType></DeviceList>").get(0).extensions()).isEmpty();
    }
}
