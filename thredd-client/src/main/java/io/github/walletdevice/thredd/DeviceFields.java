package io.github.walletdevice.thredd;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The elements of a device in a {@code DeviceList}, one slot each ({@code FIELDS[slot]}), and the lenient mapping of
 * their texts to a {@link TokenDevice}. Thredd spells it DeviceLongitiude; the corrected spelling is read too, should
 * it ever be fixed.
 */
final class DeviceFields {
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

    /** How many slots a device has. */
    static final int COUNT = FIELDS.size();

    // The same names in lower case: a DeviceList holding one of them is a device itself.
    private static final Set<String> LOWER_CASE = lowerCase();

    // The slots by the names as the spec spells them, what Thredd sends: one hash look-up for each field read.
    private static final Map<String, Integer> SLOTS_AS_SPELLED = slotsAsSpelled();

    private DeviceFields() {
    }

    // Loops, not streams: a stream's classes and lambdas would be loaded at class loading, in the first call's time.
    private static Set<String> lowerCase() {
        Set<String> names = new HashSet<>();
        for (String field : FIELDS) {
            names.add(field.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(names);
    }

    private static Map<String, Integer> slotsAsSpelled() {
        Map<String, Integer> slots = new HashMap<>();
        for (int slot = 0; slot < COUNT; slot++) {
            slots.put(FIELDS.get(slot), slot);
        }
        return Map.copyOf(slots);
    }

    /**
     * Whether a name, lower-cased in {@link Locale#ROOT}, is one of the fields': what makes a DeviceList a device
     * itself. For an ASCII name that is exactly {@code equalsIgnoreCase} with a field of its length, so it is not
     * lower-cased; any other name is.
     */
    static boolean isDeviceField(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return LOWER_CASE.contains(name.toLowerCase(Locale.ROOT));
            }
        }
        return slotOf(name) >= 0;
    }

    /** The slot of the field whose name {@code equalsIgnoreCase} this one, or -1: what a device reads it as. */
    static int slotOf(String name) {
        Integer spelled = SLOTS_AS_SPELLED.get(name);
        if (spelled != null) {
            return spelled;
        }
        // Spelled otherwise: equalsIgnoreCase compares the lengths first, so most of the sixteen cost one comparison.
        for (int slot = 0; slot < COUNT; slot++) {
            if (name.equalsIgnoreCase(FIELDS.get(slot))) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * The device of these texts, by slot: each the stripped text of the first element of the field's name, blank
     * or not, or null when there was none. A missing or blank mandatory value reads as empty, an optional one as
     * absent.
     */
    static TokenDevice device(DeviceTexts device) {
        String[] texts = device.slots;
        String longitude = text(texts, DEVICE_LONGITIUDE);
        if (longitude == null) {
            longitude = text(texts, DEVICE_LONGITUDE);
        }
        String latitude = text(texts, DEVICE_LATITUDE);
        return TokenDevice.builder()
                .boundDeviceIndex(orEmpty(text(texts, BOUND_DEVICE_INDEX)))
                .tokenUserId(orEmpty(text(texts, TOKEN_USER_ID)))
                .tokenUserType(orEmpty(text(texts, TOKEN_USER_TYPE)))
                .gpsDeviceStatus(orEmpty(text(texts, GPS_DEVICE_STATUS)))
                .netDeviceStatus(orEmpty(text(texts, NET_DEVICE_STATUS)))
                .deviceBindDate(ThreddDateTime.parse(orEmpty(text(texts, DEVICE_BIND_DATE))))
                .deviceStatusDate(ThreddDateTime.parse(orEmpty(text(texts, DEVICE_STATUS_DATE))))
                .deviceType(orEmpty(text(texts, DEVICE_TYPE)))
                .deviceLang(text(texts, DEVICE_LANG))
                .deviceId(text(texts, DEVICE_ID))
                .deviceTelNum(text(texts, DEVICE_TEL_NUM))
                .deviceName(text(texts, DEVICE_NAME))
                .longitude(decimal(longitude))
                .longitudeText(longitude)
                .latitude(decimal(latitude))
                .latitudeText(latitude)
                .deviceIp(text(texts, DEVICE_IP))
                .extensions(device.unknown())
                .build();
    }

    /** The text in a slot if present and not blank, else null. */
    private static String text(String[] texts, int slot) {
        String t = texts[slot];
        return t == null || t.isEmpty() ? null : t;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return isDecimal(t) ? new BigDecimal(t) : null;
    }

    /**
     * Whether text is a plain decimal, {@code [+-]?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})} with ASCII digits: what
     * {@code BigDecimal} reads exactly, without an exponent and bounded in length. Checked by hand rather than with a
     * regular expression, which made a {@code Matcher} for each longitude and latitude of every device listed.
     */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < n && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        int wholeDigits = i - start;
        int fractionDigits = 0;
        boolean point = i < n && text.charAt(i) == '.';
        if (point) {
            i++;
            start = i;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
            fractionDigits = i - start;
        }
        return i == n && wholeDigits <= 20 && fractionDigits <= 20 && (wholeDigits > 0 || fractionDigits > 0);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
