package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code walletdevice gateway serve [--port N]}: runs the simulated TES until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs a simulated TES serving the Device Gateway API on loopback and prints its base URL"
                + " (pass it to gateway run --url).",
            "Flows: top-up (getCardCommands; a purchase id ending in @<amount> sets the amount, negative for a"
                + " debit, default 1000), park card (getParkCardCommands) and reader mode (getReaderModeCommands)."
                + " Issuer and device ids starting with UNKNOWN are unknown (113, 117)."})
final class GatewayServeCommand implements Callable<Integer> {
    /** What runs once the server is up; by default, waiting until the process is stopped. Tests replace it. */
    static Consumer<SimulatedTes> whileRunning = server -> {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on (default: ${DEFAULT-VALUE}, any free port).")
    int port;

    @Override
    public Integer call() {
        try (SimulatedTes tes = SimulatedTes.builder().port(port).build().start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(tes.baseUrl());
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("Simulated TES running: POST " + tes.baseUrl() + DeviceGatewayClient.DEFAULT_BASE_PATH
                    + "/getCardCommands, /getParkCardCommands, /getReaderModeCommands. Operations live "
                    + SimulatedTes.DEFAULT_TTL.toMinutes() + " minutes. Stop it with Ctrl+C.");
            err.flush();
            whileRunning.accept(tes);
        }
        return ExitCodes.OK;
    }
}
