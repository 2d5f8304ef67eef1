package io.github.walletdevice.examples.thredd;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The tokens a simulated Thredd starts with: a few DPANs and token ids, several devices each, one with none. */
public final class SeedTokens {
    /** A token with three devices (two active, one already unbound). */
    public static final String DPAN_WITH_DEVICES = "4895370012345678";
    /** The payment token id of {@link #DPAN_WITH_DEVICES}. */
    public static final String TOKEN_ID_WITH_DEVICES = "900000000001";
    /** A 19-digit DPAN with one suspended device. */
    public static final String DPAN_SUSPENDED = "4895370098765432101";
    /** The payment token id of {@link #DPAN_SUSPENDED}. */
    public static final String TOKEN_ID_SUSPENDED = "900000000002";
    /** A token without any device (a list answers 218). */
    public static final String DPAN_WITHOUT_DEVICES = "4895370011112222";
    /** The payment token id of {@link #DPAN_WITHOUT_DEVICES}. */
    public static final String TOKEN_ID_WITHOUT_DEVICES = "900000000003";

    private SeedTokens() {
    }

    /**
     * The seed tokens.
     *
     * @return new token values
     */
    public static List<SimulatedToken> tokens() {
        Instant bound = Instant.parse("2024-03-05T10:11:12Z");
        return List.of(
                new SimulatedToken(DPAN_WITH_DEVICES, TOKEN_ID_WITH_DEVICES, List.of(
                        new SimulatedDevice("1", "40010030273", "03", "A", "A", bound, bound, "M", "en",
                                "04A1B2C3D4E5F60718293A4B5C6D7E8F", "447700900123", "Alice's phone",
                                new BigDecimal("-0.1276"), new BigDecimal("51.5072"), "203.0.113.7"),
                        new SimulatedDevice("2", "40010030274", "06", "A", "A", Instant.parse("2024-06-01T08:00:00Z"),
                                Instant.parse("2024-06-01T08:00:00Z"), "W", "en", "05F1E2D3C4B5A697", null,
                                "Alice's watch", null, null, "113.7"),
                        new SimulatedDevice("3", "40010030275", "01", "D", "D", Instant.parse("2023-01-15T12:00:00Z"),
                                Instant.parse("2023-11-30T17:45:00Z"), "T", null, null, null, "Old tablet", null,
                                null, null))),
                new SimulatedToken(DPAN_SUSPENDED, TOKEN_ID_SUSPENDED, List.of(
                        new SimulatedDevice("1", "40010030280", "02", "S", "S", Instant.parse("2024-02-10T09:30:00Z"),
                                Instant.parse("2024-04-01T00:00:00Z"), "M", "fr", null, "33612345678",
                                "Bob's phone", new BigDecimal("2.3522"), new BigDecimal("48.8566"), null))),
                new SimulatedToken(DPAN_WITHOUT_DEVICES, TOKEN_ID_WITHOUT_DEVICES, List.of()));
    }
}
