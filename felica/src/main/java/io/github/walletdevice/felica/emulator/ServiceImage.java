package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.ServiceAttribute;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.ServiceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service of a system in a {@link CardImage}: its code, its 16-byte blocks (block 0 first; for a cyclic service
 * block 0 is the newest record), and the key version Request Service reports. An <em>overlap</em> service has no
 * blocks of its own: it shares those of another service with the same service number (for example a read-only
 * code next to a read/write one). Immutable.
 */
public final class ServiceImage {

    private final ServiceCode serviceCode;
    private final List<byte[]> blocks;
    private final int keyVersion;
    private final ServiceCode overlapOf;

    private ServiceImage(ServiceCode serviceCode, List<byte[]> blocks, int keyVersion, ServiceCode overlapOf) {
        this.serviceCode = serviceCode;
        this.blocks = blocks;
        this.keyVersion = keyVersion;
        this.overlapOf = overlapOf;
    }

    /**
     * Returns a service with its own blocks.
     *
     * @param serviceCode a code with a service attribute (random, cyclic or purse)
     * @param blocks at least one block of 16 bytes (exactly one for a purse); copied
     * @param keyVersion 0x0000–0xFFFE
     * @return the service image
     * @throws IllegalArgumentException if the attribute is not a service attribute, a block is not 16 bytes, or a
     *     count or value is out of range
     * @throws NullPointerException if a value is null
     */
    public static ServiceImage of(ServiceCode serviceCode, List<byte[]> blocks, int keyVersion) {
        ServiceAttribute attribute = attributeOf(serviceCode);
        checkKeyVersion(keyVersion);
        if (blocks.isEmpty() || blocks.size() > 0x10000) {
            throw new IllegalArgumentException("service " + serviceCode + " needs 1–65536 blocks, got " + blocks.size());
        }
        if (attribute.type() == ServiceType.PURSE && blocks.size() != 1) {
            throw new IllegalArgumentException("purse service " + serviceCode + " has exactly one block, got "
                    + blocks.size());
        }
        List<byte[]> copy = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            byte[] b = Objects.requireNonNull(blocks.get(i), "block");
            if (b.length != 16) {
                throw new IllegalArgumentException("block " + i + " of service " + serviceCode
                        + " must be 16 bytes, got " + b.length);
            }
            copy.add(b.clone());
        }
        return new ServiceImage(serviceCode, Collections.unmodifiableList(copy), keyVersion, null);
    }

    /**
     * Returns an overlap service that shares the blocks of {@code target}.
     *
     * @param serviceCode a code with a service attribute of the same type and number as {@code target}
     * @param target the service whose blocks are shared (checked when the card image is built)
     * @param keyVersion 0x0000–0xFFFE
     * @return the service image
     * @throws IllegalArgumentException if the attribute is not a service attribute, the numbers differ, or the
     *     key version is out of range
     * @throws NullPointerException if a value is null
     */
    public static ServiceImage overlap(ServiceCode serviceCode, ServiceCode target, int keyVersion) {
        attributeOf(serviceCode);
        Objects.requireNonNull(target, "target");
        checkKeyVersion(keyVersion);
        if (serviceCode.number() != target.number()) {
            throw new IllegalArgumentException("overlap service " + serviceCode + " must have the service number of "
                    + target + " (" + target.number() + "), got " + serviceCode.number());
        }
        if (serviceCode.equals(target)) {
            throw new IllegalArgumentException("service " + serviceCode + " cannot overlap itself");
        }
        return new ServiceImage(serviceCode, List.of(), keyVersion, target);
    }

    private static ServiceAttribute attributeOf(ServiceCode code) {
        Objects.requireNonNull(code, "serviceCode");
        return code.attributeInfo().orElseThrow(() -> new IllegalArgumentException("service code " + code
                + " has attribute " + String.format("%02X", code.attribute())
                + ", which is not a service attribute (08–17)"));
    }

    private static void checkKeyVersion(int keyVersion) {
        if (keyVersion < 0 || keyVersion > 0xFFFE) {
            throw new IllegalArgumentException("a key version is 0000–FFFE (FFFF means missing), got " + keyVersion);
        }
    }

    /**
     * Returns the service code.
     *
     * @return the code
     */
    public ServiceCode serviceCode() {
        return serviceCode;
    }

    /**
     * Returns the service's attribute.
     *
     * @return the attribute
     */
    public ServiceAttribute attribute() {
        return serviceCode.attributeInfo().orElseThrow();
    }

    /**
     * Returns the key version.
     *
     * @return 0x0000–0xFFFE
     */
    public int keyVersion() {
        return keyVersion;
    }

    /**
     * Returns the service whose blocks this overlap service shares.
     *
     * @return the target, or empty for a service with its own blocks
     */
    public Optional<ServiceCode> overlapOf() {
        return Optional.ofNullable(overlapOf);
    }

    /**
     * Returns the number of blocks of its own.
     *
     * @return 0 for an overlap service, else 1 or more
     */
    public int blockCount() {
        return blocks.size();
    }

    /**
     * Returns the blocks (copies).
     *
     * @return the blocks, block 0 first; empty for an overlap service
     */
    public List<byte[]> blocks() {
        List<byte[]> out = new ArrayList<>(blocks.size());
        for (byte[] b : blocks) {
            out.add(b.clone());
        }
        return Collections.unmodifiableList(out);
    }

    byte[] blockUnsafe(int i) {
        return blocks.get(i);
    }

    /**
     * Returns a short description, for example {@code ServiceImage[1011, 1 block]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "ServiceImage[" + serviceCode + (overlapOf != null ? ", overlaps " + overlapOf
                : ", " + blocks.size() + (blocks.size() == 1 ? " block" : " blocks")) + "]";
    }
}
