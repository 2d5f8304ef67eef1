package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code walletdevice gateway}: the Thales Device Gateway API. {@code serve} runs the simulated TES; {@code run}
 * plays the TSH against any TES with a virtual FeliCa card, so that a TES team can drive its own server;
 * {@code check} reports, check by check, whether a TES answers as the specification requires.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Device Gateway (TSH to TES): run a simulated TES, play the TSH against any TES with a"
                + " virtual FeliCa card, or check a TES's conformance.",
        subcommands = {GatewayServeCommand.class, GatewayRunCommand.class, GatewayCheckCommand.class})
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Used by picocli. */
    public GatewayCommand() {
    }

    /** Without a subcommand: says which ones exist. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: gateway needs a command: serve, run or check"
                + " (see walletdevice gateway --help).");
        return ExitCodes.USAGE;
    }
}
