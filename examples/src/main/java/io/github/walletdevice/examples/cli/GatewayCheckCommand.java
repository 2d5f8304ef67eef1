package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.check.CheckOptions;
import io.github.walletdevice.examples.check.ConformanceReport;
import io.github.walletdevice.examples.check.GatewayConformanceCheck;
import io.github.walletdevice.examples.check.TesUnreachableException;
import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code walletdevice gateway check --url U}: the conformance report of any TES, check by check (see
 * {@link GatewayConformanceCheck}).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plays the TSH against a TES and reports, check by check, what it answered against what the"
                + " Device Gateway specification requires: 111/112 for missing or malformed fields and header, 118"
                + " for an unknown session, a top-up, a park and a reader-mode session on a virtual FeliCa card,"
                + " device failures (221/231/232), 321 for a second operation on a busy device, 322 after the time"
                + " to live (with --ttl).",
            "Each check uses its own device id (the --device id, then -01, -02, ...) and ends any operation it"
                + " opened.",
            "Prints a table, or with --json one JSON object (checks and summary). Exit 0 when every check holds"
                + " (skipped ones do not fail), 3 when one fails, 4 when the TES does not answer, 2 on bad input."})
final class GatewayCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "U", required = true,
            description = "The TES's base URL, e.g. http://127.0.0.1:8080 (the base path is appended).")
    String url;

    @Option(names = "--actor-id", paramLabel = "A", defaultValue = CheckOptions.DEFAULT_ACTOR_ID,
            description = "The x-actor-id header, 1-32 characters (default: ${DEFAULT-VALUE}).")
    String actorId;

    @Option(names = "--issuer", paramLabel = "I", defaultValue = CheckOptions.DEFAULT_ISSUER_ID,
            description = "issuerId, 1-16 characters, one the TES knows (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--card", paramLabel = "C", defaultValue = CheckOptions.DEFAULT_CARD_ID,
            description = "cardId, 1-48 characters (default: ${DEFAULT-VALUE}).")
    String card;

    @Option(names = "--device", paramLabel = "D",
            description = "The device id the checks derive theirs from, 1-48 characters (default: CHECK- and 8"
                    + " random hex digits, new on each run).")
    String device;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The TES's time to live of an operation, e.g. 2s, 500ms, 2m or PT2M; enables the 322"
                    + " check, which waits that long plus 1s (default: unknown, the check is skipped).")
    Duration ttl;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--base-path", paramLabel = "PATH", defaultValue = DeviceGatewayClient.DEFAULT_BASE_PATH,
            description = "The path before the operation names (default: ${DEFAULT-VALUE}).")
    String basePath;

    @Override
    public Integer call() {
        CheckOptions.Builder b = CheckOptions.builder(url).basePath(basePath).actorId(actorId).issuerId(issuer)
                .cardId(card).ttl(ttl);
        if (device != null) {
            b.deviceId(device);
        }
        CheckOptions options = b.build();
        PrintWriter err = spec.commandLine().getErr();
        if (ttl != null && !json) {
            err.println("The time-to-live check waits " + options.ttl().orElseThrow().plus(CheckOptions.TTL_MARGIN)
                    .toMillis() + " ms.");
            err.flush();
        }
        ConformanceReport report;
        try {
            report = GatewayConformanceCheck.run(options);
        } catch (TesUnreachableException e) {
            err.println("walletdevice: " + WalletDeviceCli.oneSentence(e.getMessage()));
            err.flush();
            return ExitCodes.TRANSPORT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, report.toJson());
        } else {
            out.print(report.toTable());
            out.flush();
        }
        return report.conforms() ? ExitCodes.OK : ExitCodes.API_FAILURE;
    }

    /** Reads {@code 500ms}, {@code 2s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT2M}); positive only. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            Duration d;
            Matcher m = SHORT.matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration such as 2s, 500ms, 2m"
                            + " or PT2M");
                }
            }
            if (d.isZero() || d.isNegative()) {
                throw new TypeConversionException("the time to live must be positive, not '" + value + "'");
            }
            return d;
        }
    }
}
