package io.github.walletdevice.felica;

import java.util.Optional;

/**
 * The sixteen standard service attributes (the low 6 bits of a service code). Bit 0 set means no key is needed.
 * Attributes with bit 5 set are the same types "with PIN" (a reading of kormax/felica-tool only);
 * {@link #of(int)} maps them to the base attribute and {@link ServiceCode#requiresPin()} reports the bit.
 */
public enum ServiceAttribute {
    /** {@code 08}: random, read/write, with key. */
    RANDOM_READ_WRITE_WITH_KEY(0x08, ServiceType.RANDOM, ServiceAccess.READ_WRITE),
    /** {@code 09}: random, read/write, without key. */
    RANDOM_READ_WRITE_WITHOUT_KEY(0x09, ServiceType.RANDOM, ServiceAccess.READ_WRITE),
    /** {@code 0A}: random, read-only, with key. */
    RANDOM_READ_ONLY_WITH_KEY(0x0A, ServiceType.RANDOM, ServiceAccess.READ_ONLY),
    /** {@code 0B}: random, read-only, without key. */
    RANDOM_READ_ONLY_WITHOUT_KEY(0x0B, ServiceType.RANDOM, ServiceAccess.READ_ONLY),
    /** {@code 0C}: cyclic, read/write, with key. */
    CYCLIC_READ_WRITE_WITH_KEY(0x0C, ServiceType.CYCLIC, ServiceAccess.READ_WRITE),
    /** {@code 0D}: cyclic, read/write, without key. */
    CYCLIC_READ_WRITE_WITHOUT_KEY(0x0D, ServiceType.CYCLIC, ServiceAccess.READ_WRITE),
    /** {@code 0E}: cyclic, read-only, with key. */
    CYCLIC_READ_ONLY_WITH_KEY(0x0E, ServiceType.CYCLIC, ServiceAccess.READ_ONLY),
    /** {@code 0F}: cyclic, read-only, without key. */
    CYCLIC_READ_ONLY_WITHOUT_KEY(0x0F, ServiceType.CYCLIC, ServiceAccess.READ_ONLY),
    /** {@code 10}: purse, direct, with key. */
    PURSE_DIRECT_WITH_KEY(0x10, ServiceType.PURSE, ServiceAccess.PURSE_DIRECT),
    /** {@code 11}: purse, direct, without key. */
    PURSE_DIRECT_WITHOUT_KEY(0x11, ServiceType.PURSE, ServiceAccess.PURSE_DIRECT),
    /** {@code 12}: purse, cashback/decrement, with key. */
    PURSE_CASHBACK_DECREMENT_WITH_KEY(0x12, ServiceType.PURSE, ServiceAccess.PURSE_CASHBACK_DECREMENT),
    /** {@code 13}: purse, cashback/decrement, without key. */
    PURSE_CASHBACK_DECREMENT_WITHOUT_KEY(0x13, ServiceType.PURSE, ServiceAccess.PURSE_CASHBACK_DECREMENT),
    /** {@code 14}: purse, decrement, with key. */
    PURSE_DECREMENT_WITH_KEY(0x14, ServiceType.PURSE, ServiceAccess.PURSE_DECREMENT),
    /** {@code 15}: purse, decrement, without key. */
    PURSE_DECREMENT_WITHOUT_KEY(0x15, ServiceType.PURSE, ServiceAccess.PURSE_DECREMENT),
    /** {@code 16}: purse, read-only, with key. */
    PURSE_READ_ONLY_WITH_KEY(0x16, ServiceType.PURSE, ServiceAccess.READ_ONLY),
    /** {@code 17}: purse, read-only, without key. */
    PURSE_READ_ONLY_WITHOUT_KEY(0x17, ServiceType.PURSE, ServiceAccess.READ_ONLY);

    private static final ServiceAttribute[] BY_VALUE = new ServiceAttribute[0x18];

    static {
        for (ServiceAttribute a : values()) {
            BY_VALUE[a.value] = a;
        }
    }

    private final int value;
    private final ServiceType type;
    private final ServiceAccess access;

    ServiceAttribute(int value, ServiceType type, ServiceAccess access) {
        this.value = value;
        this.type = type;
        this.access = access;
    }

    /**
     * Returns the attribute of a 6-bit attribute value, ignoring the PIN bit (bit 5).
     *
     * @param attribute the low 6 bits of a service code
     * @return the attribute, or empty when the value is not a service attribute (for example an area attribute)
     */
    public static Optional<ServiceAttribute> of(int attribute) {
        int base = attribute & 0x1F;
        if ((attribute & ~0x3F) != 0 || base < 0x08 || base >= BY_VALUE.length) {
            return Optional.empty();
        }
        return Optional.of(BY_VALUE[base]);
    }

    /**
     * Returns the 6-bit attribute value.
     *
     * @return 0x08–0x17
     */
    public int value() {
        return value;
    }

    /**
     * Returns how the service stores its blocks.
     *
     * @return the type
     */
    public ServiceType type() {
        return type;
    }

    /**
     * Returns the access the attribute grants.
     *
     * @return the access
     */
    public ServiceAccess access() {
        return access;
    }

    /**
     * Tells whether the service can only be read.
     *
     * @return true for the read-only attributes
     */
    public boolean isReadOnly() {
        return access == ServiceAccess.READ_ONLY;
    }

    /**
     * Tells whether access needs authentication (attribute bit 0 clear).
     *
     * @return true when a key is required
     */
    public boolean requiresKey() {
        return (value & 1) == 0;
    }
}
