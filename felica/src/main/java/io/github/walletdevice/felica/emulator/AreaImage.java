package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import java.util.Objects;

/**
 * An area of a system in a {@link CardImage}: its code, the last code it spans (its end service code), and the
 * key version Request Service reports for it.
 *
 * @param areaCode the area code; attribute {@code 00}/{@code 01} (or {@code 20}/{@code 21})
 * @param endServiceCode the last code of the area, at least {@code areaCode}; usually number + attribute {@code 3F}
 * @param keyVersion the key version, 0x0000–0xFFFE
 */
public record AreaImage(AreaCode areaCode, int endServiceCode, int keyVersion) {

    /**
     * Checks the values.
     *
     * @param areaCode not null, with an area attribute
     * @param endServiceCode {@code areaCode} to 0xFFFF
     * @param keyVersion 0x0000–0xFFFE
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if {@code areaCode} is null
     */
    public AreaImage {
        Objects.requireNonNull(areaCode, "areaCode");
        if ((areaCode.attribute() & 0x1E) != 0) {
            throw new IllegalArgumentException("area " + areaCode + " has attribute "
                    + String.format("%02X", areaCode.attribute()) + "; an area attribute is 00, 01, 20 or 21");
        }
        if (endServiceCode < areaCode.value() || endServiceCode > 0xFFFF) {
            throw new IllegalArgumentException("the end service code of area " + areaCode + " must be "
                    + areaCode + "–FFFF, got " + Integer.toHexString(endServiceCode).toUpperCase(java.util.Locale.ROOT));
        }
        if (keyVersion < 0 || keyVersion > 0xFFFE) {
            throw new IllegalArgumentException("a key version is 0000–FFFE (FFFF means missing), got " + keyVersion);
        }
    }
}
