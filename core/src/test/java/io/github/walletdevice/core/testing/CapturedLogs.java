package io.github.walletdevice.core.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the SDK logged during a test, as formatted lines {@code "LEVEL logger - message"} (a throwable's class and
 * message, and those of its causes, follow on the same line). Filled by {@link CapturingServiceProvider}, the
 * SLF4J binding of every module's tests; every logger is at DEBUG. Tests that assert on logs call
 * {@link #clear()} first.
 */
public final class CapturedLogs {
    /** Oldest lines are dropped beyond this, so a chatty test cannot exhaust memory. */
    private static final int MAX_LINES = 20_000;
    private static final ArrayDeque<Line> LINES = new ArrayDeque<>();

    private CapturedLogs() {
    }

    /** Forgets every captured line. */
    public static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    /**
     * Every captured line, oldest first.
     *
     * @return a snapshot of the lines
     */
    public static List<String> lines() {
        return linesOf("");
    }

    /**
     * The captured lines of the loggers whose name starts with a prefix, oldest first.
     *
     * @param loggerPrefix e.g. {@code "io.github.walletdevice.thredd"}
     * @return a snapshot of the matching lines
     */
    public static List<String> linesOf(String loggerPrefix) {
        List<String> out = new ArrayList<>();
        synchronized (LINES) {
            for (Line l : LINES) {
                if (l.logger().startsWith(loggerPrefix)) {
                    out.add(l.text());
                }
            }
        }
        return out;
    }

    static void add(String logger, String text) {
        synchronized (LINES) {
            if (LINES.size() == MAX_LINES) {
                LINES.removeFirst();
            }
            LINES.addLast(new Line(logger, text));
        }
    }

    private record Line(String logger, String text) {
    }
}
