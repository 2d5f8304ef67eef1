package io.github.walletdevice.examples.thredd;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One device bound to a simulated token. Immutable: an unbind replaces it with {@link #unbound(Instant)}.
 *
 * @param index the Visa device index ({@code BoundDeviceIndex})
 * @param tokenUserId {@code TokenUserId}
 * @param tokenUserType {@code TokenUserType}, e.g. {@code "03"}
 * @param gpsStatus {@code GPSDeviceStatus} letter
 * @param netStatus {@code NetDeviceStatus} letter
 * @param bindDate when it was bound
 * @param statusDate when its status last changed
 * @param type {@code DeviceType}
 * @param lang {@code DeviceLang}, or {@code null}
 * @param deviceId {@code DeviceID}, or {@code null}
 * @param telNum {@code DeviceTelNum}, or {@code null}
 * @param name {@code DeviceName}, or {@code null}
 * @param longitude {@code DeviceLongitiude}, or {@code null}
 * @param latitude {@code DeviceLatitude}, or {@code null}
 * @param ip {@code DeviceIP}, or {@code null}
 */
public record SimulatedDevice(String index, String tokenUserId, String tokenUserType, String gpsStatus,
                              String netStatus, Instant bindDate, Instant statusDate, String type, String lang,
                              String deviceId, String telNum, String name, BigDecimal longitude,
                              BigDecimal latitude, String ip) {
    /**
     * Checks the mandatory values.
     *
     * @param index the index
     * @param tokenUserId the token user id
     * @param tokenUserType the token user type
     * @param gpsStatus the Thredd status
     * @param netStatus the network status
     * @param bindDate the bind date
     * @param statusDate the status date
     * @param type the device type
     * @param lang the language, or {@code null}
     * @param deviceId the secure element id, or {@code null}
     * @param telNum the telephone number, or {@code null}
     * @param name the name, or {@code null}
     * @param longitude the longitude, or {@code null}
     * @param latitude the latitude, or {@code null}
     * @param ip the IP address, or {@code null}
     */
    public SimulatedDevice {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(tokenUserId, "tokenUserId");
        Objects.requireNonNull(tokenUserType, "tokenUserType");
        Objects.requireNonNull(gpsStatus, "gpsStatus");
        Objects.requireNonNull(netStatus, "netStatus");
        Objects.requireNonNull(bindDate, "bindDate");
        Objects.requireNonNull(statusDate, "statusDate");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Whether the device is already unbound: deleted or deactivated on Thredd's side.
     *
     * @return {@code true} for status D or X
     */
    public boolean isUnbound() {
        return gpsStatus.equals("D") || gpsStatus.equals("X");
    }

    /**
     * The device after an unbind: deleted on Thredd and on the network.
     *
     * @param when the time of the unbind
     * @return the unbound device
     */
    public SimulatedDevice unbound(Instant when) {
        return new SimulatedDevice(index, tokenUserId, tokenUserType, "D", "D", bindDate, when, type, lang, deviceId,
                telNum, name, longitude, latitude, ip);
    }
}
