package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a response's {@code Retry-After}: seconds or an HTTP date. */
final class RetryAfter {
    /** A Retry-After too large to represent: later than any deadline. */
    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private RetryAfter() {
    }

    /**
     * The server's Retry-After when it gives one, else {@code backoff}. A value too large to represent (more
     * seconds than a {@code long} holds) reads as {@link #FOREVER}: later than any deadline, so it ends the retries
     * rather than falling back to the (shorter) backoff.
     */
    static Duration delay(HttpResponse response, Duration backoff) {
        return response.headers().firstValue("Retry-After").map(String::trim).map(v -> {
            if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return Duration.ofSeconds(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    return FOREVER;
                }
            }
            try {
                Duration d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException | ArithmeticException e) {
                return backoff;
            }
        }).orElse(backoff);
    }
}
