package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code walletdevice gateway}: the Thales Device Gateway API. {@code serve} runs the simulated TES; {@code run}
 * plays the TSH against any TES with a virtual FeliCa card, so that a TES team can drive its own server.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Device Gateway (TSH to TES): run a simulated TES, or play the TSH against any TES with a"
                + " virtual FeliCa card.",
        subcommands = {GatewayServeCommand.class, GatewayRunCommand.class})
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Used by picocli. */
    public GatewayCommand() {
    }

    /** Without a subcommand: says which ones exist. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: gateway needs a command: serve or run"
                + " (see walletdevice gateway --help).");
        return ExitCodes.USAGE;
    }
}
