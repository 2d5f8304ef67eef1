package io.github.walletdevice.examples.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a conformance run: every check in the order run.
 *
 * @param baseUrl the TES checked
 * @param deviceId the device id the checks derived theirs from
 * @param checks every check's result
 */
public record ConformanceReport(String baseUrl, String deviceId, List<CheckResult> checks) {

    /**
     * Copies the list.
     *
     * @param baseUrl the TES checked
     * @param deviceId the device id the checks derived theirs from
     * @param checks every check's result
     */
    public ConformanceReport {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(deviceId, "deviceId");
        checks = List.copyOf(checks);
    }

    /**
     * How many checks came out so.
     *
     * @param outcome the outcome
     * @return the count
     */
    public long count(CheckOutcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).count();
    }

    /**
     * Whether every check that ran passed (skipped ones do not count against the TES).
     *
     * @return {@code true} when no check failed
     */
    public boolean conforms() {
        return count(CheckOutcome.FAIL) == 0;
    }

    /**
     * The result of one check.
     *
     * @param id the check's identifier
     * @return its result, or empty for an unknown id
     */
    public Optional<CheckResult> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The report as JSON-ready maps: {@code url}, {@code deviceId}, {@code checks} [{@code id}, {@code title},
     * {@code requirement}, {@code expected}, {@code actual}, {@code outcome}], {@code summary} {@code {total, passed,
     * failed, skipped, conforms}}.
     *
     * @return maps, lists, strings, numbers and booleans
     */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CheckResult c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("title", c.title());
            m.put("requirement", c.requirement());
            m.put("expected", c.expected());
            m.put("actual", c.actual());
            m.put("outcome", c.outcome().name());
            list.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", checks.size());
        summary.put("passed", count(CheckOutcome.PASS));
        summary.put("failed", count(CheckOutcome.FAIL));
        summary.put("skipped", count(CheckOutcome.SKIPPED));
        summary.put("conforms", conforms());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", baseUrl);
        json.put("deviceId", deviceId);
        json.put("checks", list);
        json.put("summary", summary);
        return json;
    }

    /**
     * The report as a table for people: one line per check, then what the failed and skipped checks require and
     * got in full, then a summary line.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String toTable() {
        return ReportTable.render(this);
    }
}
