package io.github.walletdevice.benchmarks;

import java.io.IOException;

/**
 * The command-loop paths of {@link CommandLoopLoopback} made over and over, for counting the system calls each
 * makes with {@code strace} ({@code benchmarks/syscalls.sh} runs it): warms up, prints {@code ready}, waits for a
 * line on standard input (the tracer attaches meanwhile), makes the measured sessions, prints {@code done}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.walletdevice.benchmarks.Syscalls sdk|raw [sessions]</pre>
 */
public final class Syscalls {
    private static final int WARM_UP_SESSIONS = 3_000;

    private Syscalls() {
    }

    /**
     * Runs one path.
     *
     * @param args {@code sdk} (whole sessions through the SDK: 3 calls each) or {@code raw} (the 3 prebuilt POSTs),
     *     then the number of measured sessions (default 500)
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        boolean sdk = switch (args[0]) {
            case "sdk" -> true;
            case "raw" -> false;
            default -> throw new IllegalArgumentException("path " + args[0] + ": use sdk or raw");
        };
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CommandLoopLoopback s = new CommandLoopLoopback();
        s.start();
        try {
            for (int i = 0; i < WARM_UP_SESSIONS; i++) {
                run(s, sdk);
            }
            System.out.println("ready");
            System.out.flush();
            if (System.in.read() < 0) {
                return;
            }
            for (int i = 0; i < sessions; i++) {
                run(s, sdk);
            }
            System.out.println("done " + sessions + " sessions, " + 3 * sessions + " calls");
        } finally {
            s.stop();
        }
    }

    private static void run(CommandLoopLoopback s, boolean sdk) {
        if (sdk) {
            s.sdk();
        } else {
            s.baseline();
        }
    }
}
