package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One system of a {@link CardImage}: its system code, IDm and PMm, the areas below the root area {@code 0000},
 * and the services. Immutable; build it with {@link #builder(SystemCode)} or inside
 * {@link CardImage.Builder#system(SystemCode, java.util.function.Consumer)}.
 */
public final class SystemImage {

    private final SystemCode systemCode;
    private final Idm idm;
    private final Pmm pmm;
    private final int keyVersion;
    private final List<AreaImage> areas;
    private final List<ServiceImage> services;

    private SystemImage(SystemCode systemCode, Idm idm, Pmm pmm, int keyVersion, List<AreaImage> areas,
            List<ServiceImage> services) {
        this.systemCode = systemCode;
        this.idm = idm;
        this.pmm = pmm;
        this.keyVersion = keyVersion;
        this.areas = areas;
        this.services = services;
    }

    /**
     * Starts a system.
     *
     * @param systemCode the system code (no {@code FF} wildcard bytes)
     * @return the builder
     * @throws IllegalArgumentException if the code contains a wildcard byte
     * @throws NullPointerException if {@code systemCode} is null
     */
    public static Builder builder(SystemCode systemCode) {
        return new Builder(systemCode);
    }

    /**
     * Returns the system code.
     *
     * @return the code
     */
    public SystemCode systemCode() {
        return systemCode;
    }

    /**
     * Returns the IDm set for this system. In a built {@link CardImage} it is always present (derived from the
     * card's IDm when not set here).
     *
     * @return the IDm, or empty when the card image should derive it
     */
    public Optional<Idm> idm() {
        return Optional.ofNullable(idm);
    }

    /**
     * Returns the PMm set for this system. In a built {@link CardImage} it is always present.
     *
     * @return the PMm, or empty when the card image should supply it
     */
    public Optional<Pmm> pmm() {
        return Optional.ofNullable(pmm);
    }

    /**
     * Returns the key version Request Service reports for the system node {@code FFFF} and the root area.
     *
     * @return 0x0000–0xFFFE
     */
    public int keyVersion() {
        return keyVersion;
    }

    /**
     * Returns the areas below the root area, in the order they were added.
     *
     * @return the areas
     */
    public List<AreaImage> areas() {
        return areas;
    }

    /**
     * Returns the services, in the order they were added.
     *
     * @return the services
     */
    public List<ServiceImage> services() {
        return services;
    }

    /**
     * Returns the service with this code.
     *
     * @param serviceCode the code
     * @return the service, or empty
     */
    public Optional<ServiceImage> service(ServiceCode serviceCode) {
        for (ServiceImage s : services) {
            if (s.serviceCode().equals(serviceCode)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    SystemImage resolve(Idm resolvedIdm, Pmm resolvedPmm) {
        return new SystemImage(systemCode, resolvedIdm, resolvedPmm, keyVersion, areas, services);
    }

    /**
     * Returns a short description.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "SystemImage[systemCode=" + systemCode + ", idm=" + idm + ", areas=" + areas.size() + ", services="
                + services + "]";
    }

    /** Builds a {@link SystemImage}. Not thread-safe. */
    public static final class Builder {

        private final SystemCode systemCode;
        private Idm idm;
        private Pmm pmm;
        private int keyVersion;
        private final List<AreaImage> areas = new ArrayList<>();
        private final List<ServiceImage> services = new ArrayList<>();

        private Builder(SystemCode systemCode) {
            Objects.requireNonNull(systemCode, "systemCode");
            if (systemCode.hasWildcard()) {
                throw new IllegalArgumentException("system code " + systemCode
                        + " contains the FF wildcard byte, which only Polling uses");
            }
            this.systemCode = systemCode;
        }

        /**
         * Sets the IDm of this system. Its upper four bits must equal the system's position on the card; when not
         * set, the card's IDm with that system number is used.
         *
         * @param idm the IDm
         * @return this builder
         * @throws NullPointerException if {@code idm} is null
         */
        public Builder idm(Idm idm) {
            this.idm = Objects.requireNonNull(idm, "idm");
            return this;
        }

        /**
         * Sets the PMm of this system; when not set, the card's PMm is used.
         *
         * @param pmm the PMm
         * @return this builder
         * @throws NullPointerException if {@code pmm} is null
         */
        public Builder pmm(Pmm pmm) {
            this.pmm = Objects.requireNonNull(pmm, "pmm");
            return this;
        }

        /**
         * Sets the key version of the system node and the root area (default 0).
         *
         * @param keyVersion 0x0000–0xFFFE
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder keyVersion(int keyVersion) {
            if (keyVersion < 0 || keyVersion > 0xFFFE) {
                throw new IllegalArgumentException("a key version is 0000–FFFE, got " + keyVersion);
            }
            this.keyVersion = keyVersion;
            return this;
        }

        /**
         * Adds an area with key version 0.
         *
         * @param areaCode the area code
         * @param endServiceCode the last code the area spans
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid
         * @throws NullPointerException if {@code areaCode} is null
         */
        public Builder area(AreaCode areaCode, int endServiceCode) {
            return area(new AreaImage(areaCode, endServiceCode, 0));
        }

        /**
         * Adds an area.
         *
         * @param area the area
         * @return this builder
         * @throws IllegalArgumentException if the area is the root area or already added
         * @throws NullPointerException if {@code area} is null
         */
        public Builder area(AreaImage area) {
            Objects.requireNonNull(area, "area");
            if (area.areaCode().value() == 0) {
                throw new IllegalArgumentException("area 0000 is the root area of every system; it is always there");
            }
            for (AreaImage a : areas) {
                if (a.areaCode().equals(area.areaCode())) {
                    throw new IllegalArgumentException("area " + area.areaCode() + " is already defined");
                }
            }
            areas.add(area);
            return this;
        }

        /**
         * Adds a service with {@code blockCount} zero-filled blocks and key version 0.
         *
         * @param serviceCode the service code
         * @param blockCount 1 or more (exactly 1 for a purse)
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the code is already used
         * @throws NullPointerException if {@code serviceCode} is null
         */
        public Builder service(ServiceCode serviceCode, int blockCount) {
            if (blockCount < 1 || blockCount > 0x10000) {
                throw new IllegalArgumentException("service " + serviceCode + " needs 1–65536 blocks, got "
                        + blockCount);
            }
            List<byte[]> blocks = new ArrayList<>(blockCount);
            for (int i = 0; i < blockCount; i++) {
                blocks.add(new byte[16]);
            }
            return service(ServiceImage.of(serviceCode, blocks, 0));
        }

        /**
         * Adds a service with the given blocks and key version 0.
         *
         * @param serviceCode the service code
         * @param blocks 16-byte blocks, block 0 first (exactly one for a purse)
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the code is already used
         * @throws NullPointerException if a value is null
         */
        public Builder service(ServiceCode serviceCode, byte[]... blocks) {
            return service(ServiceImage.of(serviceCode, Arrays.asList(blocks), 0));
        }

        /**
         * Adds a service that shares the blocks of a service added before, with key version 0.
         *
         * @param serviceCode the overlap service's code (same number as {@code target})
         * @param target the service whose blocks are shared
         * @return this builder
         * @throws IllegalArgumentException if the codes do not form an overlap, or the code is already used
         * @throws NullPointerException if a value is null
         */
        public Builder overlapService(ServiceCode serviceCode, ServiceCode target) {
            return service(ServiceImage.overlap(serviceCode, target, 0));
        }

        /**
         * Adds a service.
         *
         * @param service the service
         * @return this builder
         * @throws IllegalArgumentException if the code is already used, or an overlap's target is missing, is
         *     itself an overlap, or has another type
         * @throws NullPointerException if {@code service} is null
         */
        public Builder service(ServiceImage service) {
            Objects.requireNonNull(service, "service");
            for (ServiceImage s : services) {
                if (s.serviceCode().equals(service.serviceCode())) {
                    throw new IllegalArgumentException("service " + service.serviceCode() + " is already defined");
                }
            }
            if (service.overlapOf().isPresent()) {
                ServiceCode target = service.overlapOf().get();
                ServiceImage t = null;
                for (ServiceImage s : services) {
                    if (s.serviceCode().equals(target)) {
                        t = s;
                    }
                }
                if (t == null || t.overlapOf().isPresent()) {
                    throw new IllegalArgumentException("overlap service " + service.serviceCode()
                            + " needs service " + target + " with its own blocks to be added first");
                }
                if (t.attribute().type() != service.attribute().type()) {
                    throw new IllegalArgumentException("overlap service " + service.serviceCode() + " is "
                            + service.attribute().type() + " but " + target + " is " + t.attribute().type());
                }
            }
            services.add(service);
            return this;
        }

        /**
         * Builds the system.
         *
         * @return the system image
         */
        public SystemImage build() {
            return new SystemImage(systemCode, idm, pmm, keyVersion, Collections.unmodifiableList(new ArrayList<>(areas)),
                    Collections.unmodifiableList(new ArrayList<>(services)));
        }
    }
}
