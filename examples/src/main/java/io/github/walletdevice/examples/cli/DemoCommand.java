package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code walletdevice demo}: every flow end to end against embedded simulated servers (the default command). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every flow end to end against simulated servers on loopback: top-up, park card and"
                + " reader mode with a virtual FeliCa card; Thredd list, unbind and list again; a decoded FeliCa"
                + " exchange. Exits 0 only when every flow did what it should.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Demo.run(spec.commandLine().getOut()) ? ExitCodes.OK : ExitCodes.API_FAILURE;
    }
}
