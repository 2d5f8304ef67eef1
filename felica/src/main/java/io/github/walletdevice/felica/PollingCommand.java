package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Polling ({@code 00}): find cards that have a system matching {@code systemCode} ({@code FF} bytes are
 * wildcards). Frame: {@code 06 00 SC(2, big-endian) RC TSN}, with no IDm. Polling selects the matching system
 * and resets the card to mode 0.
 *
 * @param systemCode the system code to look for, {@link SystemCode#WILDCARD} for any
 * @param requestCode what the card should add to its answer
 * @param timeSlot the number of time slots
 */
public record PollingCommand(SystemCode systemCode, RequestCode requestCode, TimeSlot timeSlot)
        implements FelicaCommand<PollingResponse> {

    /** The command code, {@code 00}. */
    public static final byte CODE = 0x00;

    /**
     * Checks for nulls.
     *
     * @param systemCode not null
     * @param requestCode not null
     * @param timeSlot not null
     * @throws NullPointerException if a value is null
     */
    public PollingCommand {
        Objects.requireNonNull(systemCode, "systemCode");
        Objects.requireNonNull(requestCode, "requestCode");
        Objects.requireNonNull(timeSlot, "timeSlot");
    }

    /**
     * Returns a Polling for {@code systemCode} with no request data and one time slot.
     *
     * @param systemCode the system code, {@link SystemCode#WILDCARD} for any
     * @return the command
     * @throws NullPointerException if {@code systemCode} is null
     */
    public static PollingCommand of(SystemCode systemCode) {
        return new PollingCommand(systemCode, RequestCode.NONE, TimeSlot.SLOTS_1);
    }

    @Override
    public Class<PollingResponse> responseType() {
        return PollingResponse.class;
    }

    @Override
    public Duration maximumResponseTime(Pmm pmm) {
        Objects.requireNonNull(pmm, "pmm");
        return timeSlot.maximumResponseTime();
    }

    @Override
    public Map<String, Object> details() {
        return Details.of("systemCode", systemCode.toString(), "requestCode", requestCode.value(),
                "timeSlot", timeSlot.value());
    }

    @Override
    public byte code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Polling";
    }

    @Override
    public int length() {
        return 6;
    }

    @Override
    public Optional<Idm> idmIfPresent() {
        return Optional.empty();
    }

    @Override
    public byte[] encode() {
        return FrameWriter.start(6, CODE).be16(systemCode.value()).u8(requestCode.value()).u8(timeSlot.value()).done();
    }

    static PollingCommand read(FrameReader r) {
        SystemCode sc = new SystemCode(r.be16("the system code"));
        int at = r.position();
        int rc = r.u8("the request code");
        if (rc > 2) {
            throw new FelicaFormatException(at, "the Polling request code must be 00, 01 or 02, got " + HEX.toHexDigits((byte) rc));
        }
        at = r.position();
        int tsn = r.u8("the time slot number");
        if (tsn != 0x00 && tsn != 0x01 && tsn != 0x03 && tsn != 0x07 && tsn != 0x0F) {
            throw new FelicaFormatException(at, "the Polling time slot byte must be 00, 01, 03, 07 or 0F, got "
                    + HEX.toHexDigits((byte) tsn));
        }
        r.end("Polling command");
        return new PollingCommand(sc, RequestCode.of(rc), TimeSlot.of(tsn));
    }
}
