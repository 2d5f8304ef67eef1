package io.github.walletdevice.core.transport.jdk;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.ProxyOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Converts requests and responses between the SDK's values and the JDK's. */
final class JdkMessages {
    private JdkMessages() {
    }

    /**
     * The JDK's request, without a timeout of its own ({@link JdkExchange} watches the exchange); its body goes
     * through {@code body}. {@code proxyAuthorization} is sent when not {@code null}.
     */
    static java.net.http.HttpRequest toJdk(HttpRequest request, String proxyAuthorization,
            UnaryOperator<java.net.http.HttpRequest.BodyPublisher> body) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri());
        for (Map.Entry<String, String> h : request.headers().entries()) {
            if (!HttpHeaders.isSetByHttpLibrary(h.getKey())) {
                b.header(h.getKey(), h.getValue());
            }
        }
        if (proxyAuthorization != null) {
            b.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        java.net.http.HttpRequest.BodyPublisher bytes = request.bodyLength() == 0
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.bodyUnsafe());
        return b.method(request.method(), body.apply(bytes)).build();
    }

    /**
     * The length of the body the response announces, or -1 when it announces none: no Content-Length (or one the
     * JDK will refuse anyway), or a response that has no body whatever its Content-Length says (to a HEAD, a 1xx,
     * 204 or 304).
     */
    static long declaredLength(HttpRequest request, java.net.http.HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (request.method().equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return -1;
        }
        try {
            return info.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static HttpResponse fromJdk(java.net.http.HttpResponse<byte[]> response) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue;
            }
            for (String v : h.getValue()) {
                headers.add(h.getKey(), v);
            }
        }
        return HttpResponse.ofOwnedBody(response.statusCode(), headers.build(), response.body());
    }

    /**
     * Proxy credentials are sent preemptively as a header rather than through an {@link java.net.Authenticator}:
     * with an authenticator installed the JDK turns a server's 401 into an {@code IOException} and retries rejected
     * proxy credentials, where the SDK wants both answers returned as responses. The JDK itself sends
     * {@code Proxy-*} headers to the proxy only, never to the target server.
     */
    static String basicCredentials(ProxyOptions proxy) {
        String pair = proxy.username() + ":" + proxy.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1));
    }
}
