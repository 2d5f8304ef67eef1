package io.github.walletdevice.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process and keeps what it printed.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = WalletDeviceCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
