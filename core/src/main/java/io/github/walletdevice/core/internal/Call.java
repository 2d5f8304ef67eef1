package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A logical call: its name, how safe it is to repeat, how to build each attempt's request (a new request per attempt
 * lets a client give each attempt a fresh unique id), and the sensitive values it sends.
 *
 * @param operation the operation's name, for logs and interceptors
 * @param kind how safe the call is to repeat
 * @param attempts builds the request of attempt n (from 1)
 * @param sentValues values of this call to mask wherever a logged body shows them, card number or not (e.g. the DPAN
 *                   and token id sent): see {@link Redactor#sentValues(String, Iterable)}
 */
public record Call(String operation, CallKind kind, IntFunction<Attempt> attempts, List<String> sentValues) {
    /**
     * Checks every part is present.
     *
     * @param operation the operation's name
     * @param kind how safe the call is to repeat
     * @param attempts builds each attempt's request
     * @param sentValues values to mask in logged bodies; {@code null} (the list or an element) for none
     */
    public Call {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempts, "attempts");
        sentValues = nonNull(sentValues);
    }

    // A loop, not a stream: this runs for every call, and a stream's classes would load in a client's first call.
    private static List<String> nonNull(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null) {
                kept.add(v);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * A call with no value of its own to mask.
     *
     * @param operation the operation's name
     * @param kind how safe the call is to repeat
     * @param attempts builds each attempt's request
     */
    public Call(String operation, CallKind kind, IntFunction<Attempt> attempts) {
        this(operation, kind, attempts, List.of());
    }

    /**
     * A call that sends the same request on every attempt.
     *
     * @param operation the operation's name
     * @param kind how safe the call is to repeat
     * @param request the request
     * @param id an identifier for logs, or {@code null}
     * @return the call
     */
    public static Call of(String operation, CallKind kind, HttpRequest request, String id) {
        Attempt attempt = new Attempt(request, id);
        return new Call(operation, kind, n -> attempt);
    }

    /**
     * The call as text for logs and debuggers: the sent values are secrets (a DPAN, a token id), so only their count
     * is shown.
     *
     * @return e.g. {@code Call[operation=unbind, kind=STATE_CHANGING, sentValues=2 masked]}
     */
    @Override
    public String toString() {
        return "Call[operation=" + operation + ", kind=" + kind + ", sentValues=" + sentValues.size() + " masked]";
    }
}
