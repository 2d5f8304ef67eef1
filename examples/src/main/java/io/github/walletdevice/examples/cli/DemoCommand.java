package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code demo} command (being built). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "The demo command (being built).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: the demo command is not built yet.");
        return ExitCodes.USAGE;
    }
}
