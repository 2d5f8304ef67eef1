package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.SpecificationVersion;
import io.github.walletdevice.felica.SystemCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The contents of a virtual FeliCa card: 1–16 systems (each with its system code, IDm, PMm, areas and services
 * with their 16-byte blocks) and a few card-wide behaviours. Immutable; a {@link VirtualFelicaCard} starts from
 * one and {@link VirtualFelicaCard#snapshot()} gives the current state back as one.
 *
 * <pre>{@code
 * CardImage image = CardImage.builder()
 *     .idm(Idm.parse("012E4CD4A1B2C3D4"))          // system n gets this IDm with system number n
 *     .system(SystemCode.of(0x0003), s -> s
 *         .area(AreaCode.of(0x1000), 0x13FF)
 *         .service(ServiceCode.of(0x1011), PurseBlock.of(500).toBytes())
 *         .service(ServiceCode.of(0x104D), 10))
 *     .build();
 * }</pre>
 */
public final class CardImage {

    /**
     * The PMm used when none is set: {@code 10 0B 4B 42 84 85 D0 FF}, a Suica card's PMm from the reference
     * (read of 1 block ≈ 34 ms, write ≈ 77 ms).
     */
    public static final Pmm DEFAULT_PMM = Pmm.parse("100B4B428485D0FF");

    /** The default communication performance answered to Polling request code 02: 212 + 424 kbps, automatic rate detection. */
    public static final int DEFAULT_COMMUNICATION_PERFORMANCE = 0x0083;

    private final List<SystemImage> systems;
    private final int maxReadBlocks;
    private final int maxWriteBlocks;
    private final OptionalInt communicationPerformance;
    private final Optional<SpecificationVersion> specificationVersion;

    private CardImage(Builder b, List<SystemImage> systems) {
        this.systems = systems;
        this.maxReadBlocks = b.maxReadBlocks;
        this.maxWriteBlocks = b.maxWriteBlocks;
        this.communicationPerformance = b.communicationPerformance;
        this.specificationVersion = b.specificationVersion;
    }

    /**
     * Starts a card image.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this image (its systems and settings), to derive a modified image.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (SystemImage s : systems) {
            b.system(s);
        }
        b.maxReadBlocks = maxReadBlocks;
        b.maxWriteBlocks = maxWriteBlocks;
        b.communicationPerformance = communicationPerformance;
        b.specificationVersion = specificationVersion;
        return b;
    }

    /**
     * Returns the systems in order: system 0 first. Each has its IDm and PMm set.
     *
     * @return the systems
     */
    public List<SystemImage> systems() {
        return systems;
    }

    /**
     * Returns the system with this code.
     *
     * @param systemCode the code
     * @return the system, or empty
     */
    public Optional<SystemImage> system(SystemCode systemCode) {
        for (SystemImage s : systems) {
            if (s.systemCode().equals(systemCode)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the most blocks one Read Without Encryption may read; more get status {@code FF A2}.
     *
     * @return 1–15
     */
    public int maxReadBlocks() {
        return maxReadBlocks;
    }

    /**
     * Returns the most blocks one Write Without Encryption may write; more get status {@code FF A2}.
     *
     * @return 1–13
     */
    public int maxWriteBlocks() {
        return maxWriteBlocks;
    }

    /**
     * Returns the request data answered to Polling request code {@code 02}.
     *
     * @return the 2 bytes as a big-endian number, or empty when the card does not support request code 02
     */
    public OptionalInt communicationPerformance() {
        return communicationPerformance;
    }

    /**
     * Returns the answer to Request Specification Version.
     *
     * @return the versions, or empty when the card stays silent on that command
     */
    public Optional<SpecificationVersion> specificationVersion() {
        return specificationVersion;
    }

    /**
     * Returns a short description.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "CardImage" + systems;
    }

    /** Builds a {@link CardImage}. Not thread-safe. */
    public static final class Builder {

        private Idm idm;
        private Pmm pmm;
        private final List<SystemImage> systems = new ArrayList<>();
        private int maxReadBlocks = 15;
        private int maxWriteBlocks = 13;
        private OptionalInt communicationPerformance = OptionalInt.of(DEFAULT_COMMUNICATION_PERFORMANCE);
        private Optional<SpecificationVersion> specificationVersion = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the card's IDm: system n without an IDm of its own gets this IDm with system number n.
         *
         * @param idm the IDm (its system number is replaced)
         * @return this builder
         * @throws NullPointerException if {@code idm} is null
         */
        public Builder idm(Idm idm) {
            this.idm = Objects.requireNonNull(idm, "idm");
            return this;
        }

        /**
         * Sets the PMm of systems without a PMm of their own (default {@link #DEFAULT_PMM}).
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
         * Adds the next system (system 0 first), configured by {@code configure}.
         *
         * @param systemCode the system code
         * @param configure fills in the system's areas and services
         * @return this builder
         * @throws IllegalArgumentException if the system is invalid
         * @throws NullPointerException if a value is null
         */
        public Builder system(SystemCode systemCode, Consumer<SystemImage.Builder> configure) {
            SystemImage.Builder b = SystemImage.builder(systemCode);
            configure.accept(b);
            return system(b.build());
        }

        /**
         * Adds the next system (system 0 first).
         *
         * @param system the system
         * @return this builder
         * @throws NullPointerException if {@code system} is null
         */
        public Builder system(SystemImage system) {
            systems.add(Objects.requireNonNull(system, "system"));
            return this;
        }

        /**
         * Sets the most blocks one Read Without Encryption may read (default 15).
         *
         * @param max 1–15
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is out of range
         */
        public Builder maxReadBlocks(int max) {
            if (max < 1 || max > 15) {
                throw new IllegalArgumentException("max read blocks must be 1–15, got " + max);
            }
            this.maxReadBlocks = max;
            return this;
        }

        /**
         * Sets the most blocks one Write Without Encryption may write (default 13).
         *
         * @param max 1–13
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is out of range
         */
        public Builder maxWriteBlocks(int max) {
            if (max < 1 || max > 13) {
                throw new IllegalArgumentException("max write blocks must be 1–13, got " + max);
            }
            this.maxWriteBlocks = max;
            return this;
        }

        /**
         * Sets the request data answered to Polling request code {@code 02}
         * (default {@link #DEFAULT_COMMUNICATION_PERFORMANCE}); empty makes the card answer without request data.
         *
         * @param requestData empty, or 0x0000–0xFFFF
         * @return this builder
         * @throws IllegalArgumentException if the value is not 2 bytes
         * @throws NullPointerException if {@code requestData} is null
         */
        public Builder communicationPerformance(OptionalInt requestData) {
            Objects.requireNonNull(requestData, "requestData");
            if (requestData.isPresent() && (requestData.getAsInt() & ~0xFFFF) != 0) {
                throw new IllegalArgumentException("request data is 2 bytes, got " + requestData.getAsInt());
            }
            this.communicationPerformance = requestData;
            return this;
        }

        /**
         * Makes the card answer Request Specification Version (by default it stays silent, like cards that do
         * not support it).
         *
         * @param version the versions to answer
         * @return this builder
         * @throws NullPointerException if {@code version} is null
         */
        public Builder specificationVersion(SpecificationVersion version) {
            this.specificationVersion = Optional.of(Objects.requireNonNull(version, "version"));
            return this;
        }

        /**
         * Builds the image: gives every system its IDm and PMm and checks the whole.
         *
         * @return the card image
         * @throws IllegalArgumentException if there are no systems or more than 16, two systems share a code, a
         *     system's IDm has the wrong system number, or a system has no IDm and the card has none
         */
        public CardImage build() {
            if (systems.isEmpty() || systems.size() > 16) {
                throw new IllegalArgumentException("a card has 1–16 systems, got " + systems.size());
            }
            List<SystemImage> resolved = new ArrayList<>(systems.size());
            for (int i = 0; i < systems.size(); i++) {
                SystemImage s = systems.get(i);
                for (int j = 0; j < i; j++) {
                    if (systems.get(j).systemCode().equals(s.systemCode())) {
                        throw new IllegalArgumentException("system code " + s.systemCode() + " is used twice");
                    }
                }
                Idm sysIdm;
                if (s.idm().isPresent()) {
                    sysIdm = s.idm().get();
                    if (sysIdm.systemNumber() != i) {
                        throw new IllegalArgumentException("system " + i + " (" + s.systemCode() + ") has IDm " + sysIdm
                                + " whose system number (upper nibble of byte 0) is " + sysIdm.systemNumber()
                                + "; use idm.withSystemNumber(" + i + ")");
                    }
                } else if (idm != null) {
                    sysIdm = idm.withSystemNumber(i);
                } else {
                    throw new IllegalArgumentException("system " + i + " (" + s.systemCode()
                            + ") has no IDm: set one on the system or the card's IDm with CardImage.Builder.idm(…)");
                }
                Pmm sysPmm = s.pmm().orElse(pmm != null ? pmm : DEFAULT_PMM);
                resolved.add(s.resolve(sysIdm, sysPmm));
            }
            return new CardImage(this, Collections.unmodifiableList(resolved));
        }
    }
}
