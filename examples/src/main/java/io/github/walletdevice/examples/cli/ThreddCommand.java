package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code walletdevice thredd}: Thredd token device management. {@code serve} runs the simulated endpoint;
 * {@code list} and {@code unbind} call any Thredd endpoint with credentials from {@code THREDD_USERNAME} and
 * {@code THREDD_PASSWORD} (never from the command line, where they would land in shell history and process lists).
 */
@Command(name = "thredd", mixinStandardHelpOptions = true,
        description = "Thredd token device management: list or unbind the devices of a token, or run a simulated"
                + " Thredd.",
        subcommands = {ThreddServeCommand.class, ThreddListCommand.class, ThreddUnbindCommand.class})
public final class ThreddCommand implements Callable<Integer> {
    /** Environment variable holding the Thredd web service user name. */
    static final String USER_VARIABLE = "THREDD_USERNAME";
    /** Environment variable holding the Thredd web service password. */
    static final String PASSWORD_VARIABLE = "THREDD_PASSWORD";

    /** How the commands read the environment; tests replace it. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    /** Used by picocli. */
    public ThreddCommand() {
    }

    /** Without a subcommand: says which ones exist. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: thredd needs a command: serve, list or unbind"
                + " (see walletdevice thredd --help).");
        return ExitCodes.USAGE;
    }
}
