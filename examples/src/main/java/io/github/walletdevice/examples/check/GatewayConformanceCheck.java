package io.github.walletdevice.examples.check;

import io.github.walletdevice.core.WalletDeviceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays the TSH against any TES and reports, check by check, what it answered against what the Device Gateway
 * specification (and, for its unpublished parts, the SDK's reconstructed contract) requires:
 * <ul>
 *   <li>strict request reading: 111 for a missing {@code x-actor-id} or mandatory field (issuerId, cardId,
 *       deviceId), 112 for a bad format (too long, a number where a string is due, a body that is not JSON, an
 *       IDm that is not hex in reader mode's {@code cardContents});</li>
 *   <li>sessions: 118 for a round with no operation in progress, a first call carrying statusCode 0 treated as a
 *       first call, 321 for a second operation on a busy device, 322 for a round after the time to live (only
 *       when the TES's time to live is given, else skipped);</li>
 *   <li>whole operations on a virtual FeliCa card: a top-up, a park and a reader-mode read, each completing with
 *       statusCode 0, a balance and, in reader mode, a {@code cardAccountId} of 1-48 characters;</li>
 *   <li>a device failure reported as 221, 231 and 232 ends the operation with a non-zero status.</li>
 * </ul>
 * Checks run one after the other, each on a device id of its own derived from the given one, and end any operation
 * they opened where the TES lets them. A check whose call fails (HTTP error, an answer that is not the contract's
 * JSON, no answer) fails; only when the very first request gets no HTTP answer at all is the TES unreachable.
 */
public final class GatewayConformanceCheck {

    private GatewayConformanceCheck() {
    }

    /**
     * The checks, in the order they run.
     *
     * @return every check's identifier
     */
    public static List<String> checkIds() {
        return checks().stream().map(ConformanceCheck::id).toList();
    }

    /**
     * Runs every check.
     *
     * @param options the TES and the identifiers to call it with
     * @return the report
     * @throws TesUnreachableException when the TES gives no HTTP answer at all
     * @throws io.github.walletdevice.core.ValidationException when the base URL or the actor id is invalid
     */
    public static ConformanceReport run(CheckOptions options) {
        return run(options, result -> { });
    }

    /**
     * Runs every check, telling a listener of each result as it comes.
     *
     * @param options the TES and the identifiers to call it with
     * @param listener told of each check's result, on the calling thread
     * @return the report
     * @throws TesUnreachableException when the TES gives no HTTP answer at all
     * @throws io.github.walletdevice.core.ValidationException when the base URL or the actor id is invalid
     */
    public static ConformanceReport run(CheckOptions options, Consumer<CheckResult> listener) {
        List<CheckResult> results = new ArrayList<>();
        try (CheckContext ctx = CheckContext.open(options)) {
            ctx.probe();
            List<ConformanceCheck> checks = checks();
            for (int i = 0; i < checks.size(); i++) {
                CheckResult result = runOne(ctx, checks.get(i), ctx.device(i + 1));
                results.add(result);
                listener.accept(result);
            }
        }
        return new ConformanceReport(options.baseUrl(), options.deviceId(), results);
    }

    private static List<ConformanceCheck> checks() {
        List<ConformanceCheck> all = new ArrayList<>(RequestChecks.all());
        all.addAll(SessionChecks.all());
        all.addAll(FlowChecks.all());
        all.addAll(DeviceFailureChecks.all());
        all.add(SessionChecks.timeToLive());
        return all;
    }

    private static CheckResult runOne(CheckContext ctx, ConformanceCheck check, String device) {
        Verdict verdict;
        try {
            verdict = check.body().run(ctx, device);
        } catch (WalletDeviceException e) {
            // A call the TES answered with an HTTP error, a body off the contract, or not at all.
            verdict = Verdict.fail(TesAnswer.describe(e));
        } catch (RuntimeException e) {
            // Whatever else went wrong is reported on this check, so that the others still run.
            verdict = Verdict.fail("the check could not complete: " + e);
        }
        return new CheckResult(check.id(), check.title(), check.requirement(), check.expected(), verdict.actual(),
                verdict.outcome());
    }
}
