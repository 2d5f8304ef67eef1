package io.github.walletdevice.felica;

import java.util.List;
import java.util.Objects;

/**
 * The body of a successful Request Specification Version response: a format version (always 0 so far), the basic
 * version, and the option versions. The option list is in the order DES, reserved/special, Extended Overlap,
 * Value-Limited Purse, MAC communication, Random ID, as far as the card reports it.
 *
 * @param formatVersion the format version byte, 0–255
 * @param basicVersion the basic version
 * @param optionVersions the option versions, possibly empty
 */
public record SpecificationVersion(int formatVersion, FelicaVersion basicVersion, List<FelicaVersion> optionVersions) {

    /**
     * Checks the values and copies the list.
     *
     * @param formatVersion 0–255
     * @param basicVersion not null
     * @param optionVersions not null, no null elements
     * @throws IllegalArgumentException if {@code formatVersion} is not a byte
     * @throws NullPointerException if a value is null
     */
    public SpecificationVersion {
        if ((formatVersion & ~0xFF) != 0) {
            throw new IllegalArgumentException("the format version is one byte (0–255), got " + formatVersion);
        }
        Objects.requireNonNull(basicVersion, "basicVersion");
        optionVersions = List.copyOf(optionVersions);
    }

    /**
     * Returns a specification version with format version 0.
     *
     * @param basicVersion the basic version
     * @param optionVersions the option versions
     * @return the specification version
     * @throws NullPointerException if a value is null
     */
    public static SpecificationVersion of(FelicaVersion basicVersion, FelicaVersion... optionVersions) {
        return new SpecificationVersion(0, basicVersion, List.of(optionVersions));
    }

    /** Number of bytes on the wire. */
    int encodedLength() {
        return 4 + 2 * optionVersions.size();
    }
}
