package io.github.walletdevice.gateway;

import java.util.Objects;

/**
 * The request's {@code operation}: "the operation for which the commands are requested". The spec declares it a
 * string enum but its values could not be recovered, so this is an open value type: the named constants are
 * <b>assumptions</b> drawn from the Thales documentation history ({@code PARK_CARD}, later
 * {@code BLOCK_AND_READ_CARD}) and from the three flows; any other value can be sent with {@link #of(String)}.
 */
public final class Operation {

    /** A top-up of the card's purse (assumed name). */
    public static final Operation TOPUP = new Operation("TOPUP");
    /** Parking a card: read its balance so the TES can store it (assumed name, from the doc history). */
    public static final Operation PARK_CARD = new Operation("PARK_CARD");
    /** Blocking a card and reading it, the doc history's replacement of {@code PARK_CARD} (assumed name). */
    public static final Operation BLOCK_AND_READ_CARD = new Operation("BLOCK_AND_READ_CARD");
    /** Ingesting an external card in reader mode (assumed name). */
    public static final Operation READER_MODE = new Operation("READER_MODE");

    private final String value;

    private Operation(String value) {
        this.value = value;
    }

    /**
     * The operation with a name; the constants are returned for their own names.
     *
     * @param value the name as it goes on the wire, not blank
     * @return the operation
     * @throws io.github.walletdevice.core.ValidationException when the name is missing or blank
     */
    public static Operation of(String value) {
        if (value == null || value.isBlank()) {
            throw new io.github.walletdevice.core.ValidationException("operation", "a non-blank name",
                    value);
        }
        for (Operation o : new Operation[] {TOPUP, PARK_CARD, BLOCK_AND_READ_CARD, READER_MODE}) {
            if (o.value.equals(value)) {
                return o;
            }
        }
        return new Operation(value);
    }

    /**
     * The name as it goes on the wire.
     *
     * @return the name
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
