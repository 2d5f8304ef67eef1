package io.github.walletdevice.examples.check;

import java.util.List;

/** Renders a {@link ConformanceReport} as a plain-text table. */
final class ReportTable {
    /** Widest an answer is shown in the table; the details below show it whole. */
    private static final int ACTUAL_WIDTH = 72;
    private static final int EXPECTED_WIDTH = 30;

    private ReportTable() {
    }

    static String render(ConformanceReport report) {
        List<CheckResult> checks = report.checks();
        int idWidth = "CHECK".length();
        int expectedWidth = "EXPECTED".length();
        for (CheckResult c : checks) {
            idWidth = Math.max(idWidth, c.id().length());
            expectedWidth = Math.max(expectedWidth, cut(c.expected(), EXPECTED_WIDTH).length());
        }
        String row = "%-7s  %-" + idWidth + "s  %-" + expectedWidth + "s  %s%n";
        StringBuilder s = new StringBuilder();
        s.append("Device Gateway conformance of ").append(report.baseUrl()).append(" (devices ")
                .append(report.deviceId()).append("-NN)").append(System.lineSeparator())
                .append(System.lineSeparator());
        s.append(String.format(row, "RESULT", "CHECK", "EXPECTED", "ACTUAL"));
        for (CheckResult c : checks) {
            s.append(String.format(row, c.outcome(), c.id(), cut(c.expected(), EXPECTED_WIDTH),
                    cut(c.actual(), ACTUAL_WIDTH)));
        }
        for (CheckResult c : checks) {
            if (c.outcome() != CheckOutcome.PASS) {
                s.append(System.lineSeparator()).append(c.outcome()).append(' ').append(c.id()).append(": ")
                        .append(c.title()).append(System.lineSeparator())
                        .append("  requirement: ").append(c.requirement()).append(System.lineSeparator())
                        .append("  expected:    ").append(c.expected()).append(System.lineSeparator())
                        .append("  actual:      ").append(c.actual()).append(System.lineSeparator());
            }
        }
        s.append(System.lineSeparator()).append(checks.size()).append(" checks: ")
                .append(report.count(CheckOutcome.PASS)).append(" passed, ")
                .append(report.count(CheckOutcome.FAIL)).append(" failed, ")
                .append(report.count(CheckOutcome.SKIPPED)).append(" skipped: the TES ")
                .append(report.conforms() ? "conforms" : "does not conform").append('.')
                .append(System.lineSeparator());
        return s.toString();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
