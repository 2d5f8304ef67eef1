package io.github.walletdevice.examples.cli;

import io.github.walletdevice.thredd.ThreddDateTime;
import io.github.walletdevice.thredd.TokenDevice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device as the command line prints it (docs/thredd.md, "Reading the answer"): the camelCase of the XML names with the spelling fixed,
 * codes as on the wire, dates in ISO-8601 UTC (the raw text when Thredd's is in no known layout), coordinates as
 * numbers, absent optional values left out.
 */
final class ThreddDeviceJson {
    private ThreddDeviceJson() {
    }

    static Map<String, Object> of(TokenDevice d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("boundDeviceIndex", d.boundDeviceIndex());
        json.put("tokenUserId", d.tokenUserId());
        json.put("tokenUserType", d.tokenUserTypeCode());
        json.put("gpsDeviceStatus", d.gpsDeviceStatusCode());
        json.put("netDeviceStatus", d.netDeviceStatusCode());
        json.put("deviceBindDate", date(d.deviceBindDate()));
        json.put("deviceStatusDate", date(d.deviceStatusDate()));
        json.put("deviceType", d.deviceType());
        d.deviceLang().ifPresent(v -> json.put("deviceLang", v));
        d.deviceId().ifPresent(v -> json.put("deviceId", v));
        d.deviceTelNum().ifPresent(v -> json.put("deviceTelNum", v));
        d.deviceName().ifPresent(v -> json.put("deviceName", v));
        d.longitude().ifPresent(v -> json.put("deviceLongitude", v));
        d.latitude().ifPresent(v -> json.put("deviceLatitude", v));
        d.deviceIp().ifPresent(v -> json.put("deviceIp", v));
        return json;
    }

    private static String date(ThreddDateTime t) {
        return t.instant().map(Object::toString).orElse(t.raw());
    }
}
