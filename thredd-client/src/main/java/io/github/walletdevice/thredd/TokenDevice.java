package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Redactor;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device bound to a token, as listed by Thredd ({@code DeviceList}), its components in the order of the wire.
 *
 * <p>Read leniently: a mandatory element the response left out comes back empty ({@code ""}, an
 * {@link DeviceStatus#UNRECOGNISED} status, a date without an instant) rather than failing the whole list. Codes
 * are kept as on the wire beside their typed form. {@code DeviceLongitiude} (sic, as Thredd spells it) is
 * {@link #longitude()}. {@link #builder()} starts from every mandatory value empty, for tests and simulators (this
 * file is over 400 lines only for the 18 documented components and the builder's documented setters).
 *
 * @param boundDeviceIndex {@code BoundDeviceIndex}, the device's index in Visa's database, as on the wire (e.g.
 *                         {@code "1"}): pass it to unbind the device
 * @param tokenUserId {@code TokenUserId}, the token user: the entity that initiates payment requests
 * @param tokenUserTypeCode {@code TokenUserType} as on the wire, e.g. {@code "03"}; typed: {@link #tokenUserType()}
 * @param gpsDeviceStatusCode {@code GPSDeviceStatus}, the status on Thredd's system, as on the wire (e.g.
 *                            {@code "A"}); typed: {@link #gpsDeviceStatus()}
 * @param netDeviceStatusCode {@code NetDeviceStatus}, the status on the payment network, as on the wire; typed:
 *                            {@link #netDeviceStatus()}
 * @param deviceBindDate {@code DeviceBindDate}, when the initial binding message was received (GMT), raw text kept
 * @param deviceStatusDate {@code DeviceStatusDate}, when the binding last changed (GMT), raw text kept
 * @param deviceType {@code DeviceType} as on the wire, an open value: Thredd's list of types is not published
 * @param deviceLang {@code DeviceLang}, the device's language (ISO 639-1)
 * @param deviceId {@code DeviceID}, the id of the device's secure element
 * @param deviceTelNum {@code DeviceTelNum}, the device's telephone number
 * @param deviceName {@code DeviceName}, the device's name
 * @param longitude {@code DeviceLongitiude}, degrees at digitisation, east positive; empty when absent or not a
 *                  number
 * @param latitude {@code DeviceLatitude}, degrees at digitisation, north positive; empty when absent or not a number
 * @param deviceIp {@code DeviceIP}, the device's IP address, full or its last part
 * @param longitudeText {@code DeviceLongitiude} as Thredd sent it, kept even when it is not a number
 * @param latitudeText {@code DeviceLatitude} as Thredd sent it, kept even when it is not a number
 * @param extensions the device's elements the spec does not name (Thredd may add fields), by local name, with
 *                   their text: the first of each name, in the order received; unmodifiable
 */
public record TokenDevice(String boundDeviceIndex, String tokenUserId, String tokenUserTypeCode,
                          String gpsDeviceStatusCode, String netDeviceStatusCode, ThreddDateTime deviceBindDate,
                          ThreddDateTime deviceStatusDate, String deviceType, Optional<String> deviceLang,
                          Optional<String> deviceId, Optional<String> deviceTelNum, Optional<String> deviceName,
                          Optional<BigDecimal> longitude, Optional<BigDecimal> latitude, Optional<String> deviceIp,
                          Optional<String> longitudeText, Optional<String> latitudeText,
                          Map<String, String> extensions) {
    /**
     * Checks that every component is given ({@link Optional#empty()} for an absent optional value) and keeps an
     * unmodifiable copy of the extensions, in their order. Each component is described on the record.
     *
     * @param boundDeviceIndex the boundDeviceIndex
     * @param tokenUserId the tokenUserId
     * @param tokenUserTypeCode the tokenUserTypeCode
     * @param gpsDeviceStatusCode the gpsDeviceStatusCode
     * @param netDeviceStatusCode the netDeviceStatusCode
     * @param deviceBindDate the deviceBindDate
     * @param deviceStatusDate the deviceStatusDate
     * @param deviceType the deviceType
     * @param deviceLang the deviceLang
     * @param deviceId the deviceId
     * @param deviceTelNum the deviceTelNum
     * @param deviceName the deviceName
     * @param longitude the longitude
     * @param latitude the latitude
     * @param deviceIp the deviceIp
     * @param longitudeText the longitudeText
     * @param latitudeText the latitudeText
     * @param extensions the extensions
     * @throws NullPointerException naming a component that is {@code null}
     */
    public TokenDevice {
        Objects.requireNonNull(boundDeviceIndex, "boundDeviceIndex");
        Objects.requireNonNull(tokenUserId, "tokenUserId");
        Objects.requireNonNull(tokenUserTypeCode, "tokenUserTypeCode");
        Objects.requireNonNull(gpsDeviceStatusCode, "gpsDeviceStatusCode");
        Objects.requireNonNull(netDeviceStatusCode, "netDeviceStatusCode");
        Objects.requireNonNull(deviceBindDate, "deviceBindDate");
        Objects.requireNonNull(deviceStatusDate, "deviceStatusDate");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(deviceLang, "deviceLang");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceTelNum, "deviceTelNum");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(longitude, "longitude");
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(deviceIp, "deviceIp");
        Objects.requireNonNull(longitudeText, "longitudeText");
        Objects.requireNonNull(latitudeText, "latitudeText");
        Objects.requireNonNull(extensions, "extensions");
        extensions = extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * A builder with every mandatory value empty and every optional one absent, for tests and simulators.
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
        b.deviceLang = deviceLang.orElse(null);
        b.deviceId = deviceId.orElse(null);
        b.deviceTelNum = deviceTelNum.orElse(null);
        b.deviceName = deviceName.orElse(null);
        b.longitude = longitude.orElse(null);
        b.latitude = latitude.orElse(null);
        b.deviceIp = deviceIp.orElse(null);
        b.longitudeText = longitudeText.orElse(null);
        b.latitudeText = latitudeText.orElse(null);
        b.extensions = extensions;
        return b;
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
     * The device's status on Thredd's system ({@code GPSDeviceStatus}).
     *
     * @return the status, {@link DeviceStatus#UNRECOGNISED} for a letter this version does not know
     */
    public DeviceStatus gpsDeviceStatus() {
        return DeviceStatus.fromCode(gpsDeviceStatusCode);
    }

    /**
     * The device's status on the payment network ({@code NetDeviceStatus}).
     *
     * @return the status, {@link DeviceStatus#UNRECOGNISED} for a letter this version does not know
     */
    public DeviceStatus netDeviceStatus() {
        return DeviceStatus.fromCode(netDeviceStatusCode);
    }

    /** The device's fields; the telephone number shows its last 4 digits only, the extensions their names only. */
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
        append(sb, "telNum", deviceTelNum.map(Redactor::pan));
        append(sb, "name", deviceName);
        append(sb, "longitude", longitude);
        append(sb, "latitude", latitude);
        append(sb, "ip", deviceIp);
        if (longitude.isEmpty()) {
            append(sb, "longitudeText", longitudeText);
        }
        if (latitude.isEmpty()) {
            append(sb, "latitudeText", latitudeText);
        }
        append(sb, "extensions", extensions.isEmpty() ? Optional.empty() : Optional.of(extensions.keySet()));
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, String name, Optional<?> value) {
        value.ifPresent(v -> sb.append(", ").append(name).append('=').append(v));
    }

    /** Builds a {@link TokenDevice}; {@code null} leaves an optional value absent. Not thread-safe. */
    public static final class Builder {
        private String boundDeviceIndex = "";
        private String tokenUserId = "";
        private String tokenUserTypeCode = "";
        private String gpsDeviceStatusCode = "";
        private String netDeviceStatusCode = "";
        private ThreddDateTime deviceBindDate = ThreddDateTime.EMPTY;
        private ThreddDateTime deviceStatusDate = ThreddDateTime.EMPTY;
        private String deviceType = "";
        private String deviceLang;
        private String deviceId;
        private String deviceTelNum;
        private String deviceName;
        private BigDecimal longitude;
        private BigDecimal latitude;
        private String deviceIp;
        private String longitudeText;
        private String latitudeText;
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /**
         * Sets {@code BoundDeviceIndex}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder boundDeviceIndex(String v) {
            this.boundDeviceIndex = Objects.requireNonNull(v, "boundDeviceIndex");
            return this;
        }

        /**
         * Sets {@code TokenUserId}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder tokenUserId(String v) {
            this.tokenUserId = Objects.requireNonNull(v, "tokenUserId");
            return this;
        }

        /**
         * Sets {@code TokenUserType} as on the wire.
         *
         * @param v the value
         * @return this builder
         */
        public Builder tokenUserType(String v) {
            this.tokenUserTypeCode = Objects.requireNonNull(v, "tokenUserType");
            return this;
        }

        /**
         * Sets {@code GPSDeviceStatus} as on the wire.
         *
         * @param v the value
         * @return this builder
         */
        public Builder gpsDeviceStatus(String v) {
            this.gpsDeviceStatusCode = Objects.requireNonNull(v, "gpsDeviceStatus");
            return this;
        }

        /**
         * Sets {@code NetDeviceStatus} as on the wire.
         *
         * @param v the value
         * @return this builder
         */
        public Builder netDeviceStatus(String v) {
            this.netDeviceStatusCode = Objects.requireNonNull(v, "netDeviceStatus");
            return this;
        }

        /**
         * Sets {@code DeviceBindDate}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder deviceBindDate(ThreddDateTime v) {
            this.deviceBindDate = Objects.requireNonNull(v, "deviceBindDate");
            return this;
        }

        /**
         * Sets {@code DeviceStatusDate}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder deviceStatusDate(ThreddDateTime v) {
            this.deviceStatusDate = Objects.requireNonNull(v, "deviceStatusDate");
            return this;
        }

        /**
         * Sets {@code DeviceType}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder deviceType(String v) {
            this.deviceType = Objects.requireNonNull(v, "deviceType");
            return this;
        }

        /**
         * Sets {@code DeviceLang}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder deviceLang(String v) {
            this.deviceLang = v;
            return this;
        }

        /**
         * Sets {@code DeviceID}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder deviceId(String v) {
            this.deviceId = v;
            return this;
        }

        /**
         * Sets {@code DeviceTelNum}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder deviceTelNum(String v) {
            this.deviceTelNum = v;
            return this;
        }

        /**
         * Sets {@code DeviceName}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder deviceName(String v) {
            this.deviceName = v;
            return this;
        }

        /**
         * Sets the longitude ({@code DeviceLongitiude} on the wire).
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder longitude(BigDecimal v) {
            this.longitude = v;
            return this;
        }

        /**
         * Sets {@code DeviceLatitude}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder latitude(BigDecimal v) {
            this.latitude = v;
            return this;
        }

        /**
         * Sets {@code DeviceIP}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder deviceIp(String v) {
            this.deviceIp = v;
            return this;
        }

        /**
         * Sets {@code DeviceLongitiude} as received.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder longitudeText(String v) {
            this.longitudeText = v;
            return this;
        }

        /**
         * Sets {@code DeviceLatitude} as received.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder latitudeText(String v) {
            this.latitudeText = v;
            return this;
        }

        /**
         * Sets the elements the spec does not name.
         *
         * @param v local name to text, in order; {@code null} for none
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
            return new TokenDevice(boundDeviceIndex, tokenUserId, tokenUserTypeCode, gpsDeviceStatusCode,
                    netDeviceStatusCode, deviceBindDate, deviceStatusDate, deviceType, Optional.ofNullable(deviceLang),
                    Optional.ofNullable(deviceId), Optional.ofNullable(deviceTelNum), Optional.ofNullable(deviceName),
                    Optional.ofNullable(longitude), Optional.ofNullable(latitude), Optional.ofNullable(deviceIp),
                    Optional.ofNullable(longitudeText), Optional.ofNullable(latitudeText), extensions);
        }
    }
}
