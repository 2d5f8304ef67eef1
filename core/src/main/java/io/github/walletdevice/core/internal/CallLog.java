package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG lines of a client's calls: one per attempt (operation, id, status or failure, duration, transport), and
 * with bodies enabled the request as sent (after the interceptors) and the response body, redacted and capped.
 */
final class CallLog {
    private final Logger log;
    private final boolean logBodies;
    private final int maxBodyChars;
    private final List<String> secrets;
    private final String via;

    CallLog(String clientName, boolean logBodies, int maxBodyChars, List<String> secrets, String via) {
        this.log = LoggerFactory.getLogger("io.github.walletdevice." + clientName);
        this.logBodies = logBodies;
        this.maxBodyChars = maxBodyChars;
        this.secrets = List.copyOf(secrets);
        this.via = via;
    }

    /** The request as it goes to the transport: headers masked by {@link Redactor#headers}, body redacted. */
    void request(Call call, Attempt a, HttpRequest sent) {
        if (logBodies && log.isDebugEnabled()) {
            log.debug("{} id={} request {} {} headers={} body={}", call.operation(), a.id(), sent.method(),
                    Redactor.uri(sent.uri()), sent.headers(),
                    loggable(call, new String(sent.bodyUnsafe(), StandardCharsets.UTF_8)));
        }
    }

    void response(Call call, Attempt a, int attempt, long start, HttpResponse response) {
        if (log.isDebugEnabled()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (logBodies) {
                log.debug("{} id={} attempt={} status={} durationMs={} via={} body={}", call.operation(), a.id(),
                        attempt, response.statusCode(), ms, via, loggable(call, response.bodyAsString()));
            } else {
                log.debug("{} id={} attempt={} status={} durationMs={} via={}", call.operation(), a.id(), attempt,
                        response.statusCode(), ms, via);
            }
        }
    }

    void failure(Call call, Attempt a, int attempt, long start, TransportException e) {
        if (log.isDebugEnabled()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.debug("{} id={} attempt={} failed reason={} requestSent={} durationMs={} via={}: {}", call.operation(),
                    a.id(), attempt, e.reason(), e.isRequestSent(), ms, via, e.getMessage());
        }
    }

    /**
     * A body as it may be logged: the client's own secrets removed and the call's sent values masked wherever they
     * appear, then redacted.
     */
    private String loggable(Call call, String body) {
        String text = body;
        for (String secret : secrets) {
            text = text.replace(secret, Redactor.SECRET_MASK);
        }
        return Redactor.body(Redactor.sentValues(text, call.sentValues()), maxBodyChars);
    }
}
