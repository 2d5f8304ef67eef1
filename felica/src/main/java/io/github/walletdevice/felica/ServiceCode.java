package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.util.Optional;

/**
 * A 16-bit FeliCa service code: a 10-bit service number and a 6-bit attribute,
 * {@code value = number << 6 | attribute}. Service codes are <b>little-endian</b> on the wire: service
 * {@code 0x010B} (number 4, attribute 0x0B) is sent as {@code 0B 01}. Prints as the 4 uppercase hex digits of its
 * numeric value, so service 0x000B prints {@code 000B}, never the byte-swapped {@code 0B00}.
 *
 * <p>Any 16-bit value is accepted; {@link #attributeInfo()} is empty when the attribute is not a service
 * attribute.
 *
 * @param value 0x0000–0xFFFF
 */
public record ServiceCode(int value) {

    /**
     * Checks the range.
     *
     * @param value 0x0000–0xFFFF
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public ServiceCode {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a service code is 16 bits (0000–FFFF), got " + value);
        }
    }

    /**
     * Returns the service code with this numeric value, for example {@code ServiceCode.of(0x090F)}.
     *
     * @param value 0x0000–0xFFFF
     * @return the service code
     * @throws IllegalArgumentException if {@code value} is outside 0x0000–0xFFFF
     */
    public static ServiceCode of(int value) {
        return new ServiceCode(value);
    }

    /**
     * Returns the service code of a service number and an attribute.
     *
     * @param number the service number, 0–1023
     * @param attribute the 6-bit attribute, 0x00–0x3F
     * @return the service code
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ServiceCode of(int number, int attribute) {
        if (number < 0 || number > 0x3FF) {
            throw new IllegalArgumentException("a service number is 10 bits (0–1023), got " + number);
        }
        if (attribute < 0 || attribute > 0x3F) {
            throw new IllegalArgumentException("a service attribute is 6 bits (00–3F), got " + attribute);
        }
        return new ServiceCode(number << 6 | attribute);
    }

    /**
     * Returns the service code of a service number and a standard attribute.
     *
     * @param number the service number, 0–1023
     * @param attribute the attribute
     * @return the service code
     * @throws IllegalArgumentException if {@code number} is out of range
     * @throws NullPointerException if {@code attribute} is null
     */
    public static ServiceCode of(int number, ServiceAttribute attribute) {
        return of(number, attribute.value());
    }

    /**
     * Parses the 4 hex digits of the numeric value, for example {@code "090F"} (not the wire order).
     *
     * @param hex the code as hex
     * @return the service code
     * @throws IllegalArgumentException if the text is not 2 bytes of hex
     */
    public static ServiceCode parse(String hex) {
        return new ServiceCode(NodeCode.parseValue(hex, "a service code"));
    }

    /**
     * Returns the service number, the upper 10 bits.
     *
     * @return 0–1023
     */
    public int number() {
        return value >>> 6;
    }

    /**
     * Returns the attribute, the low 6 bits.
     *
     * @return 0x00–0x3F
     */
    public int attribute() {
        return value & 0x3F;
    }

    /**
     * Returns the meaning of the attribute.
     *
     * @return the standard attribute, or empty when the low 6 bits are not a service attribute
     */
    public Optional<ServiceAttribute> attributeInfo() {
        return ServiceAttribute.of(attribute());
    }

    /**
     * Returns the storage type (random, cyclic or purse).
     *
     * @return the type, or empty when the attribute is not a service attribute
     */
    public Optional<ServiceType> type() {
        return attributeInfo().map(ServiceAttribute::type);
    }

    /**
     * Tells whether this is a random service.
     *
     * @return true for attributes 08–0B
     */
    public boolean isRandom() {
        return type().orElse(null) == ServiceType.RANDOM;
    }

    /**
     * Tells whether this is a cyclic service.
     *
     * @return true for attributes 0C–0F
     */
    public boolean isCyclic() {
        return type().orElse(null) == ServiceType.CYCLIC;
    }

    /**
     * Tells whether this is a purse service.
     *
     * @return true for attributes 10–17
     */
    public boolean isPurse() {
        return type().orElse(null) == ServiceType.PURSE;
    }

    /**
     * Tells whether this service can only be read.
     *
     * @return true for the read-only attributes
     */
    public boolean isReadOnly() {
        return attributeInfo().map(ServiceAttribute::isReadOnly).orElse(false);
    }

    /**
     * Tells whether access needs authentication: attribute bit 0 is clear.
     *
     * @return true when a key is required
     */
    public boolean requiresKey() {
        return (value & 1) == 0;
    }

    /**
     * Tells whether attribute bit 5 (a "with PIN" variant, per kormax/felica-tool only) is set.
     *
     * @return true when bit 5 is set
     */
    public boolean requiresPin() {
        return (value & 0x20) != 0;
    }

    /**
     * Returns this code as a node code, for Request Service and the like.
     *
     * @return the node code with the same value
     */
    public NodeCode nodeCode() {
        return new NodeCode(value);
    }

    /**
     * Returns the 2 bytes in wire order (little-endian).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    /**
     * Returns a longer description, for example {@code "090F (number 36, cyclic, read-only, without key)"}.
     *
     * @return the description
     */
    public String describe() {
        Optional<ServiceAttribute> a = attributeInfo();
        if (a.isEmpty()) {
            return HEX.toHexDigits((short) value) + " (number " + number() + ", attribute " + HEX.toHexDigits((byte) attribute())
                    + " is not a service attribute)";
        }
        ServiceAttribute s = a.get();
        String access;
        switch (s.access()) {
            case READ_WRITE:
                access = "read/write";
                break;
            case READ_ONLY:
                access = "read-only";
                break;
            case PURSE_DIRECT:
                access = "direct";
                break;
            case PURSE_CASHBACK_DECREMENT:
                access = "cashback/decrement";
                break;
            default:
                access = "decrement";
                break;
        }
        return HEX.toHexDigits((short) value) + " (number " + number() + ", " + s.type().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + access + ", " + (s.requiresKey() ? "with key" : "without key")
                + (requiresPin() ? ", with PIN" : "") + ")";
    }

    /**
     * Returns the 4 uppercase hex digits of the numeric value.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits((short) value);
    }
}
