package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code walletdevice} command line: {@code java -jar examples/target/walletdevice.jar}.
 * JSON on stdout; errors on stderr as one sentence; exit codes in {@link ExitCodes}.
 */
@Command(name = "walletdevice", mixinStandardHelpOptions = true, version = "walletdevice 0.1.0-SNAPSHOT",
        description = "Runs the walletdevice SDK's flows against simulated or real servers.",
        subcommands = {DemoCommand.class, FelicaCommand.class, GatewayCommand.class, ThreddCommand.class})
public final class WalletDeviceCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Used by picocli. */
    public WalletDeviceCli() {
    }

    /**
     * With no command, runs the demo.
     *
     * @return the demo's exit code
     */
    @Override
    public Integer call() {
        return Demo.run(spec.commandLine().getOut()) ? ExitCodes.OK : ExitCodes.API_FAILURE;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The configured picocli command line: clear one-sentence errors, mapped exit codes.
     *
     * @return the command line
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new WalletDeviceCli());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("walletdevice: " + oneSentence(ex.getMessage())
                    + " (see --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("walletdevice: " + oneSentence(ex.getMessage()));
            return ExitCodes.forException(ex);
        });
        return cl;
    }

    static String oneSentence(String message) {
        if (message == null || message.isBlank()) {
            return "failed.";
        }
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
