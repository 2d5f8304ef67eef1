package io.github.walletdevice.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how soon a failed call is tried again: exponential backoff with jitter and a cap.
 *
 * <p>What may be retried is decided by the call's {@link CallKind}, never by guesswork:
 * <ul>
 *   <li>any call whose request provably was not sent (connection refused, DNS, connect timeout);</li>
 *   <li>{@link CallKind#READ_ONLY} calls also after a read timeout or a broken connection, and on the
 *       {@link #retryableStatuses() retryable statuses} (408, 429, 502, 503, 504 by default);</li>
 *   <li>never a {@link CallKind#STATE_CHANGING} call that may have reached the server;</li>
 *   <li>never a call whose response was larger than allowed
 *       ({@link TransportException.Reason#RESPONSE_TOO_LARGE}): the same request would get the same answer.</li>
 * </ul>
 * The whole-call deadline bounds every retry: no attempt starts after it.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Set<Integer> retryableStatuses;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    }

    /**
     * The default: 3 attempts, 200 ms doubling to at most 5 s, up to 50 % jitter.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * No retry at all.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.multiplier = multiplier;
        b.jitter = jitter;
        b.retryableStatuses = retryableStatuses;
        return b;
    }

    /**
     * Whether a transport failure may be retried.
     *
     * @param kind the call's kind
     * @param failure the failure
     * @param attempt the number of the attempt that failed, from 1
     * @return {@code true} to try again
     */
    public boolean shouldRetry(CallKind kind, TransportException failure, int attempt) {
        if (attempt >= maxAttempts) {
            return false;
        }
        switch (failure.reason()) {
            case CANCELLED, CLOSED, DEADLINE, RESPONSE_TOO_LARGE:
                return false;
            default:
                return !failure.isRequestSent() || kind == CallKind.READ_ONLY;
        }
    }

    /**
     * Whether an HTTP status may be retried.
     *
     * @param kind the call's kind
     * @param status the status code
     * @param attempt the number of the attempt that got it, from 1
     * @return {@code true} to try again
     */
    public boolean shouldRetry(CallKind kind, int status, int attempt) {
        return attempt < maxAttempts && kind == CallKind.READ_ONLY && retryableStatuses.contains(status);
    }

    /**
     * How long to wait before the next attempt.
     *
     * @param attempt the number of the attempt that failed, from 1
     * @return the delay, jittered and capped
     */
    public Duration backoff(int attempt) {
        double base = nanos(initialBackoff) * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, nanos(maxBackoff));
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        // The cast saturates: a backoff too long for a long of nanoseconds (about 292 years) is that long.
        return Duration.ofNanos((long) (capped * factor));
    }

    /** In double, as Duration.toNanos() overflows past about 292 years (Duration.ofDays(1_000_000)). */
    private static double nanos(Duration d) {
        return d.getSeconds() * 1e9 + d.getNano();
    }

    /**
     * Most attempts per call, the first included.
     *
     * @return the attempt limit
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Delay after the first failure, before jitter.
     *
     * @return the initial backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Longest delay between attempts.
     *
     * @return the cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Growth of the delay per attempt.
     *
     * @return the multiplier
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Fraction of each delay that is random (0 = none, 1 = full jitter).
     *
     * @return the jitter
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Statuses retried on read-only calls.
     *
     * @return the statuses
     */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + "x" + multiplier + " up to "
                + maxBackoff + ", jitter=" + jitter + ", statuses=" + retryableStatuses + "]";
    }

    /** Builds {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Set<Integer> retryableStatuses = Set.of(408, 429, 502, 503, 504);

        private Builder() {
        }

        /**
         * Sets the attempt limit.
         *
         * @param maxAttempts at least 1 (1 = no retry)
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = (int) Fields.range("maxAttempts", maxAttempts, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Sets the delay after the first failure.
         *
         * @param d zero or more
         * @return this builder
         */
        public Builder initialBackoff(Duration d) {
            this.initialBackoff = Fields.notNegative("initialBackoff", d);
            return this;
        }

        /**
         * Sets the longest delay.
         *
         * @param d zero or more
         * @return this builder
         */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = Fields.notNegative("maxBackoff", d);
            return this;
        }

        /**
         * Sets the growth per attempt.
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new ValidationException("multiplier", "at least 1", Double.toString(multiplier));
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the random fraction of each delay.
         *
         * @param jitter from 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new ValidationException("jitter", "between 0 and 1", Double.toString(jitter));
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the statuses retried on read-only calls.
         *
         * @param statuses HTTP status codes
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            Fields.required("retryableStatuses", statuses);
            if (statuses.stream().anyMatch(s -> s == null)) {
                throw new ValidationException("retryableStatuses", "HTTP status codes without null",
                        statuses.toString());
            }
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
