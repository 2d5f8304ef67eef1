package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.InterceptorException;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import java.util.List;
import java.util.Objects;

/**
 * One attempt through the client's {@link CallInterceptor}s, in the order added, ending at the transport. An
 * interceptor's own failure (not a {@link WalletDeviceException}) becomes an {@link InterceptorException}; what the
 * rest of the chain threw passes through unchanged.
 */
final class InterceptorChain implements CallInterceptor.Chain {
    /** Sends the request that leaves the last interceptor. */
    interface Terminal {
        HttpResponse send(HttpRequest request);
    }

    private final List<CallInterceptor> interceptors;
    private final int index;
    private final HttpRequest request;
    private final Shared shared;
    private boolean proceeded;
    /** What the next link threw, so that the interceptor calling it is not blamed for it. */
    private RuntimeException thrownBelow;

    private InterceptorChain(List<CallInterceptor> interceptors, int index, HttpRequest request, Shared shared) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
        this.shared = shared;
    }

    /** Runs the attempt through every interceptor; {@code terminal} sends what the last one passes on. */
    static HttpResponse run(List<CallInterceptor> interceptors, Call call, Attempt attempt, int number,
            Terminal terminal) {
        Shared shared = new Shared(call, attempt, number, terminal);
        return new InterceptorChain(interceptors, -1, attempt.request(), shared).proceed(attempt.request());
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public HttpResponse proceed(HttpRequest next) {
        Objects.requireNonNull(next, "request");
        if (proceeded) {
            throw new IllegalStateException("proceed() called twice by the interceptor of " + shared.call.operation()
                    + ": a call is sent at most once per attempt (the retry policy decides on repeats)");
        }
        proceeded = true;
        int i = index + 1;
        try {
            if (i == interceptors.size()) {
                shared.sent = true;
                return shared.terminal.send(next);
            }
            InterceptorChain below = new InterceptorChain(interceptors, i, next, shared);
            HttpResponse response;
            try {
                response = interceptors.get(i).intercept(below);
            } catch (WalletDeviceException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e == below.thrownBelow) {
                    throw e;
                }
                throw new InterceptorException(shared.call.operation(), shared.sent, e);
            }
            if (response == null) {
                throw new InterceptorException(shared.call.operation(), shared.sent,
                        new NullPointerException(interceptors.get(i).getClass().getName() + " returned no response"));
            }
            return response;
        } catch (RuntimeException e) {
            thrownBelow = e;
            throw e;
        }
    }

    @Override
    public String operation() {
        return shared.call.operation();
    }

    @Override
    public CallKind callKind() {
        return shared.call.kind();
    }

    @Override
    public int attempt() {
        return shared.number;
    }

    @Override
    public String callId() {
        return shared.attempt.id();
    }

    /** What every link of one attempt's chain shares. */
    private static final class Shared {
        final Call call;
        final Attempt attempt;
        final int number;
        final Terminal terminal;
        /** Whether the request reached the terminal: set on the thread running the chain. */
        boolean sent;

        Shared(Call call, Attempt attempt, int number, Terminal terminal) {
            this.call = call;
            this.attempt = attempt;
            this.number = number;
            this.terminal = terminal;
        }
    }
}
