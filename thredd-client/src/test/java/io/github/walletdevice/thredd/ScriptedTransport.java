package io.github.walletdevice.thredd;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An in-memory transport for unit tests: records requests and answers from a script. */
final class ScriptedTransport implements HttpTransport {
    private static final Pattern WSID = Pattern.compile("<hyp:WSID>(\\d+)</hyp:WSID>");

    private final Function<HttpRequest, HttpResponse> script;
    final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedTransport(Function<HttpRequest, HttpResponse> script) {
        this.script = script;
    }

    /** Answers every request with a fixture, its WSID echoed. */
    static ScriptedTransport answering(int status, String fixtureWithWsidPlaceholder) {
        return new ScriptedTransport(r -> xml(status, fixtureWithWsidPlaceholder.replace("${WSID}",
                Long.toString(wsidOf(r)))));
    }

    static HttpResponse xml(int status, String body) {
        return new HttpResponse(status, HttpHeaders.of("Content-Type", "application/soap+xml; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static long wsidOf(HttpRequest r) {
        Matcher m = WSID.matcher(new String(r.bodyUnsafe(), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("No WSID in the request");
        }
        return Long.parseLong(m.group(1));
    }

    String body(int i) {
        return new String(requests.get(i).bodyUnsafe(), StandardCharsets.UTF_8);
    }

    @Override
    public HttpResponse execute(HttpRequest request, long deadlineNanos) {
        requests.add(request);
        return script.apply(request);
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
        try {
            return CompletableFuture.completedFuture(execute(request, deadlineNanos));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void close() {
    }
}
