package io.github.walletdevice.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Prints the figures of {@code docs/reliability.md} as Markdown (and writes them to
 * {@code interop-tests/target/reliability-report.md}): the fault matrix, the load runs, the secrets count. Run it
 * with {@code ./mvnw -B -q -pl interop-tests -am verify -DskipTests -Dreliability.report=true}; the load lasts
 * {@code -Dreliability.seconds} (30) per transport and client.
 */
public final class ReliabilityReport {
    private ReliabilityReport() {
    }

    /**
     * Runs everything and prints the report.
     *
     * @param args none
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Duration load = Duration.ofSeconds(Long.getLong("reliability.seconds", 30));
        StringBuilder md = new StringBuilder();
        md.append("Generated ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on Java ")
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");

        md.append("### Fault matrix\n\n").append(FaultMatrix.header());
        int rows = 0;
        int asRules = 0;
        for (Fault fault : Fault.values()) {
            for (FaultMatrix.Row row : FaultMatrix.run(fault)) {
                Fault.Expect expected = fault.expected(row.api());
                rows++;
                if (row.duplicates() == 0 && expected.matches(row.outcome()) && row.received() == expected.received()) {
                    asRules++;
                }
                md.append(FaultMatrix.markdown(row));
            }
        }
        md.append("\nRows that end as the rules say (typed error, times received, no duplicate): ").append(asRules)
                .append(" of ").append(rows).append(".\n\n");

        md.append("### Load: ").append(LoadRun.THREADS).append(" threads sharing one client for ")
                .append(load.toSeconds()).append(" s\n\n").append(LoadRun.header());
        try (TestServer server = ScriptServer.start(ScriptServer.Kind.NODE_DEFAULT)) {
            for (Transport transport : Transport.values()) {
                for (Api api : new Api[] {Api.GATEWAY_CARD, Api.THREDD_LIST}) {
                    md.append(LoadRun.markdown(LoadRun.run(server, transport, api, load, Long.MAX_VALUE)));
                }
            }
        }

        LogSecrets secrets = LogSecrets.count();
        md.append("\n### Secrets in the logs\n\n").append(secrets.lines()).append(" log lines (the SDK at DEBUG, ")
                .append(secrets.bodyLines()).append(" of them with a Thredd body): the password ")
                .append(secrets.passwords()).append(" times, a whole DPAN ").append(secrets.dpans())
                .append(" times.\n");

        System.out.print(md);
        Path out = Path.of("target", "reliability-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
    }
}
