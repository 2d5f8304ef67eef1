package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code walletdevice thredd serve [--port N]}: runs the simulated Thredd until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs a simulated Thredd Ws_Token_Device_Management endpoint on loopback and prints its URL."
                + " It accepts the credentials in THREDD_USERNAME/THREDD_PASSWORD, or demo/demo-password.")
final class ThreddServeCommand implements Callable<Integer> {
    /** What runs once the server is up; by default, waiting until the process is stopped. Tests replace it. */
    static Consumer<SimulatedThredd> whileRunning = server -> {
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

    @Option(names = "--iss-code", paramLabel = "C", defaultValue = SimulatedThredd.DEFAULT_ISS_CODE,
            description = "The IssCode the credentials belong to (default: ${DEFAULT-VALUE}).")
    String issCode;

    @Override
    public Integer call() {
        String user = ThreddCommand.environment.apply(ThreddCommand.USER_VARIABLE);
        String password = ThreddCommand.environment.apply(ThreddCommand.PASSWORD_VARIABLE);
        boolean fromEnvironment = user != null && !user.isBlank() && password != null && !password.isEmpty();
        SimulatedThredd.Builder builder = SimulatedThredd.builder().port(port);
        builder.credentials(fromEnvironment ? user : SimulatedThredd.DEFAULT_USER,
                fromEnvironment ? password : SimulatedThredd.DEFAULT_PASSWORD, issCode);
        try (SimulatedThredd server = builder.build().start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(server.url());
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("Simulated Thredd running; IssCode " + issCode + ", credentials "
                    + (fromEnvironment ? "from " + ThreddCommand.USER_VARIABLE + "/" + ThreddCommand.PASSWORD_VARIABLE
                    : "demo/demo-password (set " + ThreddCommand.USER_VARIABLE + "=demo "
                    + ThreddCommand.PASSWORD_VARIABLE + "=demo-password to call it)")
                    + ". Tokens: DPAN " + SeedTokens.DPAN_WITH_DEVICES + " (3 devices), DPAN "
                    + SeedTokens.DPAN_SUSPENDED + " (1 device), DPAN " + SeedTokens.DPAN_WITHOUT_DEVICES
                    + " (none). Stop it with Ctrl+C.");
            err.flush();
            whileRunning.accept(server);
        }
        return ExitCodes.OK;
    }
}
