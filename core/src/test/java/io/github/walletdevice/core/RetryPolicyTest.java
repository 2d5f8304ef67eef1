package io.github.walletdevice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.TransportException.Reason;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final RetryPolicy NO_JITTER = RetryPolicy.builder().maxAttempts(10)
            .initialBackoff(Duration.ofMillis(100)).multiplier(2).maxBackoff(Duration.ofMillis(1000)).jitter(0).build();

    private static TransportException failure(Reason reason, boolean sent) {
        return new TransportException("x", reason, sent, null);
    }

    @Test
    void aResponseTooLargeIsNeverRetriedEvenForAReadOnlyCall() {
        TransportException tooLarge = new TransportException("too large", TransportException.Reason.RESPONSE_TOO_LARGE,
                true, null);
        TransportException broken = new TransportException("broken", TransportException.Reason.IO, true, null);

        assertThat(RetryPolicy.defaults().shouldRetry(CallKind.READ_ONLY, tooLarge, 1)).isFalse();
        assertThat(RetryPolicy.defaults().shouldRetry(CallKind.READ_ONLY, broken, 1)).isTrue();
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        assertThat(NO_JITTER.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(NO_JITTER.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(NO_JITTER.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(NO_JITTER.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(NO_JITTER.backoff(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(NO_JITTER.backoff(60)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void backoffsTooLongForNanosecondsMeanForeverInsteadOfFailing() {
        Duration forever = Duration.ofDays(1_000_000);
        RetryPolicy huge = NO_JITTER.toBuilder().initialBackoff(forever).maxBackoff(forever).build();
        RetryPolicy hugeCap = NO_JITTER.toBuilder().maxBackoff(forever).build();

        assertThat(huge.backoff(1)).isEqualTo(huge.backoff(40)).isGreaterThan(Duration.ofDays(365 * 70));
        assertThat(hugeCap.backoff(2)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void jitterStaysWithinItsFractionBelowTheCappedDelay() {
        RetryPolicy half = NO_JITTER.toBuilder().jitter(0.5).build();
        for (int i = 0; i < 500; i++) {
            assertThat(half.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(half.backoff(9)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
        RetryPolicy full = NO_JITTER.toBuilder().jitter(1).build();
        for (int i = 0; i < 500; i++) {
            assertThat(full.backoff(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        }
    }

    @Test
    void jitterActuallyVaries() {
        RetryPolicy half = NO_JITTER.toBuilder().jitter(0.5).build();
        Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(half.backoff(4));
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"CONNECT", "CONNECT_TIMEOUT"})
    void notSentFailuresAreRetriedForEveryKind(Reason reason) {
        for (CallKind kind : CallKind.values()) {
            assertThat(NO_JITTER.shouldRetry(kind, failure(reason, false), 1)).as(kind.name()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"IO", "READ_TIMEOUT", "CONNECT"})
    void sentFailuresAreRetriedOnlyForReadOnlyCalls(Reason reason) {
        assertThat(NO_JITTER.shouldRetry(CallKind.READ_ONLY, failure(reason, true), 1)).isTrue();
        assertThat(NO_JITTER.shouldRetry(CallKind.STATE_CHANGING, failure(reason, true), 1)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"DEADLINE", "CANCELLED", "CLOSED"})
    void finalReasonsAreNeverRetried(Reason reason) {
        for (CallKind kind : CallKind.values()) {
            assertThat(NO_JITTER.shouldRetry(kind, failure(reason, false), 1)).isFalse();
            assertThat(NO_JITTER.shouldRetry(kind, failure(reason, true), 1)).isFalse();
        }
    }

    @Test
    void noRetryOnceMaxAttemptsIsReached() {
        RetryPolicy three = NO_JITTER.toBuilder().maxAttempts(3).build();
        assertThat(three.shouldRetry(CallKind.READ_ONLY, failure(Reason.CONNECT, false), 2)).isTrue();
        assertThat(three.shouldRetry(CallKind.READ_ONLY, failure(Reason.CONNECT, false), 3)).isFalse();
        assertThat(three.shouldRetry(CallKind.READ_ONLY, 503, 2)).isTrue();
        assertThat(three.shouldRetry(CallKind.READ_ONLY, 503, 3)).isFalse();
        assertThat(RetryPolicy.none().shouldRetry(CallKind.READ_ONLY, failure(Reason.CONNECT, false), 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void retryableStatusesAreRetriedOnlyForReadOnlyCalls(int status) {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(defaults.shouldRetry(CallKind.READ_ONLY, status, 1)).isTrue();
        assertThat(defaults.shouldRetry(CallKind.STATE_CHANGING, status, 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 500, 501})
    void otherStatusesAreNotRetried(int status) {
        assertThat(RetryPolicy.defaults().shouldRetry(CallKind.READ_ONLY, status, 1)).isFalse();
    }

    @Test
    void retryableStatusesAreConfigurable() {
        RetryPolicy p = RetryPolicy.builder().retryableStatuses(Set.of(500)).build();
        assertThat(p.shouldRetry(CallKind.READ_ONLY, 500, 1)).isTrue();
        assertThat(p.shouldRetry(CallKind.READ_ONLY, 503, 1)).isFalse();
        assertThat(p.retryableStatuses()).containsExactly(500);
    }

    @Test
    void defaultsAreAsDocumented() {
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.maxAttempts()).isEqualTo(3);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.multiplier()).isEqualTo(2.0);
        assertThat(d.jitter()).isEqualTo(0.5);
        assertThat(d.retryableStatuses()).containsExactlyInAnyOrder(408, 429, 502, 503, 504);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void builderRejectsNonsenseNamingTheSetting() {
        assertRefused(() -> RetryPolicy.builder().maxAttempts(0), "maxAttempts");
        assertRefused(() -> RetryPolicy.builder().multiplier(0.5), "multiplier");
        assertRefused(() -> RetryPolicy.builder().multiplier(Double.NaN), "multiplier");
        assertRefused(() -> RetryPolicy.builder().jitter(1.5), "jitter");
        assertRefused(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)), "initialBackoff");
        assertRefused(() -> RetryPolicy.builder().maxBackoff(null), "maxBackoff");
        assertRefused(() -> RetryPolicy.builder().retryableStatuses(null), "retryableStatuses");
        assertRefused(() -> RetryPolicy.builder().retryableStatuses(new java.util.HashSet<>(
                java.util.Arrays.asList(500, null))), "retryableStatuses");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
