package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Redactor;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device bound to a token, as listed by Thredd ({@code DeviceList}). Immutable.
 *
 * <p>Read leniently: a mandatory element the response left out comes back empty ({@code ""}, an
 * {@link DeviceStatus#UNRECOGNISED} status, a date without an instant) rather than failing the whole list.
 * Codes are kept as on the wire beside their typed form. {@code DeviceLongitiude} (sic, as Thredd spells it) is
 * {@link #longitude()}.
 */
public final class TokenDevice {
    private final String boundDeviceIndex;
    private final String tokenUserId;
    private final String tokenUserTypeCode;
    private final String gpsDeviceStatusCode;
    private final String netDeviceStatusCode;
    private final ThreddDateTime deviceBindDate;
    private final ThreddDateTime deviceStatusDate;
    private final String deviceType;
    private final String deviceLang;
    private final String deviceId;
    private final String deviceTelNum;
    private final String deviceName;
    private final BigDecimal longitude;
    private final BigDecimal latitude;
    private final String deviceIp;
    private final String longitudeText;
    private final String latitudeText;
    private final Map<String, String> extensions;

    private TokenDevice(Builder b) {
        this.boundDeviceIndex = b.boundDeviceIndex;
        this.tokenUserId = b.tokenUserId;
        this.tokenUserTypeCode = b.tokenUserTypeCode;
        this.gpsDeviceStatusCode = b.gpsDeviceStatusCode;
        this.netDeviceStatusCode = b.netDeviceStatusCode;
        this.deviceBindDate = b.deviceBindDate;
        this.deviceStatusDate = b.deviceStatusDate;
        this.deviceType = b.deviceType;
        this.deviceLang = b.deviceLang;
        this.deviceId = b.deviceId;
        this.deviceTelNum = b.deviceTelNum;
        this.deviceName = b.deviceName;
        this.longitude = b.longitude;
        this.latitude = b.latitude;
        this.deviceIp = b.deviceIp;
        this.longitudeText = b.longitudeText;
        this.latitudeText = b.latitudeText;
        this.extensions = b.extensions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    /**
     * A builder with every mandatory value empty, for tests and simulators.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this device's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.boundDeviceIndex = boundDeviceIndex;
        b.tokenUserId = tokenUserId;
        b.tokenUserTypeCode = tokenUserTypeCode;
        b.gpsDeviceStatusCode = gpsDeviceStatusCode;
        b.netDeviceStatusCode = netDeviceStatusCode;
        b.deviceBindDate = deviceBindDate;
        b.deviceStatusDate = deviceStatusDate;
        b.deviceType = deviceType;
        b.deviceLang = deviceLang;
        b.deviceId = deviceId;
        b.deviceTelNum = deviceTelNum;
        b.deviceName = deviceName;
        b.longitude = longitude;
        b.latitude = latitude;
        b.longitudeText = longitudeText;
        b.latitudeText = latitudeText;
        b.extensions = extensions;
        b.deviceIp = deviceIp;
        return b;
    }

    /**
     * The device's index in Visa's database ({@code BoundDeviceIndex}); pass it to unbind the device.
     *
     * @return the index as on the wire, e.g. {@code "1"}
     */
    public String boundDeviceIndex() {
        return boundDeviceIndex;
    }

    /**
     * The token user, the entity that initiates payment requests ({@code TokenUserId}).
     *
     * @return the id
     */
    public String tokenUserId() {
        return tokenUserId;
    }

    /**
     * The kind of token user ({@code TokenUserType}).
     *
     * @return the type, {@link TokenUserType#UNRECOGNISED} for a code this version does not know
     */
    public TokenUserType tokenUserType() {
        return TokenUserType.fromCode(tokenUserTypeCode);
    }

    /**
     * The token user type as on the wire.
     *
     * @return e.g. {@code "03"}
     */
    public String tokenUserTypeCode() {
        return tokenUserTypeCode;
    }

    /**
     * The device's status on Thredd's system ({@code GPSDeviceStatus}).
     *
     * @return the status, {@link DeviceStatus#UNRECOGNISED} for a letter this version does not know
     */
    public DeviceStatus gpsDeviceStatus() {
        return DeviceStatus.fromCode(gpsDeviceStatusCode);
    }

    /**
     * {@code GPSDeviceStatus} as on the wire.
     *
     * @return e.g. {@code "A"}
     */
    public String gpsDeviceStatusCode() {
        return gpsDeviceStatusCode;
    }

    /**
     * The device's status on the payment network ({@code NetDeviceStatus}).
     *
     * @return the status, {@link DeviceStatus#UNRECOGNISED} for a letter this version does not know
     */
    public DeviceStatus netDeviceStatus() {
        return DeviceStatus.fromCode(netDeviceStatusCode);
    }

    /**
     * {@code NetDeviceStatus} as on the wire.
     *
     * @return e.g. {@code "A"}
     */
    public String netDeviceStatusCode() {
        return netDeviceStatusCode;
    }

    /**
     * When the initial binding message was received, GMT ({@code DeviceBindDate}).
     *
     * @return the date-time, raw text kept
     */
    public ThreddDateTime deviceBindDate() {
        return deviceBindDate;
    }

    /**
     * When the binding last changed, GMT ({@code DeviceStatusDate}).
     *
     * @return the date-time, raw text kept
     */
    public ThreddDateTime deviceStatusDate() {
        return deviceStatusDate;
    }

    /**
     * The device type ({@code DeviceType}), an open value: Thredd's list of types is not published.
     *
     * @return the type as on the wire
     */
    public String deviceType() {
        return deviceType;
    }

    /**
     * The device's language, ISO 639-1 ({@code DeviceLang}).
     *
     * @return the language code
     */
    public Optional<String> deviceLang() {
        return Optional.ofNullable(deviceLang);
    }

    /**
     * The id of the device's secure element ({@code DeviceID}).
     *
     * @return the id
     */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /**
     * The device's telephone number ({@code DeviceTelNum}).
     *
     * @return the number
     */
    public Optional<String> deviceTelNum() {
        return Optional.ofNullable(deviceTelNum);
    }

    /**
     * The device's name ({@code DeviceName}).
     *
     * @return the name
     */
    public Optional<String> deviceName() {
        return Optional.ofNullable(deviceName);
    }

    /**
     * Longitude in degrees at digitisation, east positive ({@code DeviceLongitiude} on the wire).
     *
     * @return the longitude; empty when absent or not a number
     */
    public Optional<BigDecimal> longitude() {
        return Optional.ofNullable(longitude);
    }

    /**
     * Latitude in degrees at digitisation, north positive ({@code DeviceLatitude}).
     *
     * @return the latitude; empty when absent or not a number
     */
    public Optional<BigDecimal> latitude() {
        return Optional.ofNullable(latitude);
    }

    /**
     * {@code DeviceLongitiude} as Thredd sent it, kept even when it is not a number (then {@link #longitude()} is
     * empty).
     *
     * @return the text as received, or empty when absent
     */
    public Optional<String> longitudeText() {
        return Optional.ofNullable(longitudeText);
    }

    /**
     * {@code DeviceLatitude} as Thredd sent it, kept even when it is not a number (then {@link #latitude()} is
     * empty).
     *
     * @return the text as received, or empty when absent
     */
    public Optional<String> latitudeText() {
        return Optional.ofNullable(latitudeText);
    }

    /**
     * The device's elements the spec does not name (Thredd may add fields), by local name, with their text: the first
     * of each name, in the order received.
     *
     * @return the elements, possibly empty; unmodifiable
     */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * The device's IP address, full or its last part ({@code DeviceIP}).
     *
     * @return the address
     */
    public Optional<String> deviceIp() {
        return Optional.ofNullable(deviceIp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenDevice d && boundDeviceIndex.equals(d.boundDeviceIndex)
                && tokenUserId.equals(d.tokenUserId) && tokenUserTypeCode.equals(d.tokenUserTypeCode)
                && gpsDeviceStatusCode.equals(d.gpsDeviceStatusCode)
                && netDeviceStatusCode.equals(d.netDeviceStatusCode) && deviceBindDate.equals(d.deviceBindDate)
                && deviceStatusDate.equals(d.deviceStatusDate) && deviceType.equals(d.deviceType)
                && Objects.equals(deviceLang, d.deviceLang) && Objects.equals(deviceId, d.deviceId)
                && Objects.equals(deviceTelNum, d.deviceTelNum) && Objects.equals(deviceName, d.deviceName)
                && Objects.equals(longitude, d.longitude) && Objects.equals(latitude, d.latitude)
                && Objects.equals(deviceIp, d.deviceIp) && Objects.equals(longitudeText, d.longitudeText)
                && Objects.equals(latitudeText, d.latitudeText) && extensions.equals(d.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundDeviceIndex, tokenUserId, tokenUserTypeCode, gpsDeviceStatusCode,
                netDeviceStatusCode, deviceBindDate, deviceStatusDate, deviceType, deviceLang, deviceId, deviceTelNum,
                deviceName, longitude, latitude, deviceIp, longitudeText, latitudeText, extensions);
    }

    /** The device's fields; the telephone number shows its last 4 digits only. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TokenDevice[index=").append(boundDeviceIndex)
                .append(", tokenUserId=").append(tokenUserId)
                .append(", tokenUserType=").append(tokenUserTypeCode)
                .append(", gpsStatus=").append(gpsDeviceStatusCode)
                .append(", netStatus=").append(netDeviceStatusCode)
                .append(", bound=").append(deviceBindDate)
                .append(", statusDate=").append(deviceStatusDate)
                .append(", type=").append(deviceType);
        append(sb, "lang", deviceLang);
        append(sb, "deviceId", deviceId);
        append(sb, "telNum", deviceTelNum == null ? null : Redactor.pan(deviceTelNum));
        append(sb, "name", deviceName);
        append(sb, "longitude", longitude);
        append(sb, "latitude", latitude);
        append(sb, "ip", deviceIp);
        if (longitude == null) {
            append(sb, "longitudeText", longitudeText);
        }
        if (latitude == null) {
            append(sb, "latitudeText", latitudeText);
        }
        append(sb, "extensions", extensions.isEmpty() ? null : extensions.keySet());
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(", ").append(name).append('=').append(value);
        }
    }

    /** Builds {@link TokenDevice}. Not thread-safe. */
    public static final class Builder {
        private String boundDeviceIndex = "";
        private String tokenUserId = "";
        private String tokenUserTypeCode = "";
        private String gpsDeviceStatusCode = "";
        private String netDeviceStatusCode = "";
        // The shared empty value: a builder per device read must not parse "" twice.
        private ThreddDateTime deviceBindDate = ThreddDateTime.EMPTY;
        private ThreddDateTime deviceStatusDate = ThreddDateTime.EMPTY;
        private String deviceType = "";
        private String deviceLang;
        private String deviceId;
        private String deviceTelNum;
        private String deviceName;
        private BigDecimal longitude;
        private BigDecimal latitude;
        private String longitudeText;
        private String latitudeText;
        private Map<String, String> extensions = Map.of();
        private String deviceIp;

        private Builder() {
        }

        /**
         * Sets {@code BoundDeviceIndex}.
         *
         * @param v the index
         * @return this builder
         */
        public Builder boundDeviceIndex(String v) {
            this.boundDeviceIndex = Objects.requireNonNull(v, "boundDeviceIndex");
            return this;
        }

        /**
         * Sets {@code TokenUserId}.
         *
         * @param v the id
         * @return this builder
         */
        public Builder tokenUserId(String v) {
            this.tokenUserId = Objects.requireNonNull(v, "tokenUserId");
            return this;
        }

        /**
         * Sets {@code TokenUserType} as on the wire.
         *
         * @param code e.g. {@code "03"}
         * @return this builder
         */
        public Builder tokenUserType(String code) {
            this.tokenUserTypeCode = Objects.requireNonNull(code, "tokenUserType");
            return this;
        }

        /**
         * Sets {@code GPSDeviceStatus} as on the wire.
         *
         * @param code e.g. {@code "A"}
         * @return this builder
         */
        public Builder gpsDeviceStatus(String code) {
            this.gpsDeviceStatusCode = Objects.requireNonNull(code, "gpsDeviceStatus");
            return this;
        }

        /**
         * Sets {@code NetDeviceStatus} as on the wire.
         *
         * @param code e.g. {@code "A"}
         * @return this builder
         */
        public Builder netDeviceStatus(String code) {
            this.netDeviceStatusCode = Objects.requireNonNull(code, "netDeviceStatus");
            return this;
        }

        /**
         * Sets {@code DeviceBindDate}.
         *
         * @param v the date-time
         * @return this builder
         */
        public Builder deviceBindDate(ThreddDateTime v) {
            this.deviceBindDate = Objects.requireNonNull(v, "deviceBindDate");
            return this;
        }

        /**
         * Sets {@code DeviceStatusDate}.
         *
         * @param v the date-time
         * @return this builder
         */
        public Builder deviceStatusDate(ThreddDateTime v) {
            this.deviceStatusDate = Objects.requireNonNull(v, "deviceStatusDate");
            return this;
        }

        /**
         * Sets {@code DeviceType}.
         *
         * @param v the type
         * @return this builder
         */
        public Builder deviceType(String v) {
            this.deviceType = Objects.requireNonNull(v, "deviceType");
            return this;
        }

        /**
         * Sets {@code DeviceLang}.
         *
         * @param v the language code, or {@code null}
         * @return this builder
         */
        public Builder deviceLang(String v) {
            this.deviceLang = v;
            return this;
        }

        /**
         * Sets {@code DeviceID}.
         *
         * @param v the id, or {@code null}
         * @return this builder
         */
        public Builder deviceId(String v) {
            this.deviceId = v;
            return this;
        }

        /**
         * Sets {@code DeviceTelNum}.
         *
         * @param v the number, or {@code null}
         * @return this builder
         */
        public Builder deviceTelNum(String v) {
            this.deviceTelNum = v;
            return this;
        }

        /**
         * Sets {@code DeviceName}.
         *
         * @param v the name, or {@code null}
         * @return this builder
         */
        public Builder deviceName(String v) {
            this.deviceName = v;
            return this;
        }

        /**
         * Sets the longitude ({@code DeviceLongitiude} on the wire).
         *
         * @param v degrees, or {@code null}
         * @return this builder
         */
        public Builder longitude(BigDecimal v) {
            this.longitude = v;
            return this;
        }

        /**
         * Sets {@code DeviceLatitude}.
         *
         * @param v degrees, or {@code null}
         * @return this builder
         */
        public Builder latitude(BigDecimal v) {
            this.latitude = v;
            return this;
        }

        /**
         * Sets {@code DeviceIP}.
         *
         * @param v the address, or {@code null}
         * @return this builder
         */
        public Builder deviceIp(String v) {
            this.deviceIp = v;
            return this;
        }

        /**
         * Sets {@code DeviceLongitiude} as received.
         *
         * @param v the text, or {@code null}
         * @return this builder
         */
        public Builder longitudeText(String v) {
            this.longitudeText = v;
            return this;
        }

        /**
         * Sets {@code DeviceLatitude} as received.
         *
         * @param v the text, or {@code null}
         * @return this builder
         */
        public Builder latitudeText(String v) {
            this.latitudeText = v;
            return this;
        }

        /**
         * Sets the elements the spec does not name.
         *
         * @param v local name to text; {@code null} for none
         * @return this builder
         */
        public Builder extensions(Map<String, String> v) {
            this.extensions = v == null ? Map.of() : v;
            return this;
        }

        /**
         * Builds the device.
         *
         * @return the device
         */
        public TokenDevice build() {
            return new TokenDevice(this);
        }
    }
}
