package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.internal.TransportFailures;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import java.io.IOException;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Converts requests and responses between the SDK's values and OkHttp's, bounding the body read. */
final class OkHttpMessages {
    private static final byte[] NO_BODY = new byte[0];

    private final String transport;
    private final int maxResponseBytes;
    private final ParsedUrls urls = new ParsedUrls();

    OkHttpMessages(String transport, int maxResponseBytes) {
        this.transport = transport;
        this.maxResponseBytes = maxResponseBytes;
    }

    int maxResponseBytes() {
        return maxResponseBytes;
    }

    Request toOkHttp(HttpRequest request) {
        Request.Builder b = new Request.Builder().url(urls.get(request.uri()));
        for (Map.Entry<String, String> h : request.headers().entries()) {
            if (!HttpHeaders.isSetByHttpLibrary(h.getKey())) {
                b.addHeader(h.getKey(), h.getValue());
            }
        }
        // One-shot, so that OkHttp never sends it twice; no media type, so that the caller's Content-Type header
        // is sent exactly as given.
        RequestBody body = null;
        if (request.bodyLength() > 0) {
            body = new SendOnceBody(request.bodyUnsafe());
        } else if (needsBody(request.method())) {
            body = new SendOnceBody(NO_BODY);
        }
        return b.method(request.method(), body).build();
    }

    private static boolean needsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                || method.equals("PROPPATCH") || method.equals("REPORT");
    }

    HttpResponse fromOkHttp(Response response, HttpRequest request) throws IOException {
        Headers h = response.headers();
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (int i = 0; i < h.size(); i++) {
            headers.add(h.name(i), h.value(i));
        }
        return HttpResponse.ofOwnedBody(response.code(), headers.build(), readBody(response, request));
    }

    /**
     * The whole body, at most {@code maxResponseBytes}: refused on its Content-Length when that says more, else
     * read until one byte past the limit at most (after OkHttp's transparent gzip decoding, so a small compressed
     * body cannot expand past it either).
     */
    private byte[] readBody(Response response, HttpRequest request) throws IOException {
        ResponseBody body = response.body();
        // A response to a HEAD, a 1xx, 204 or 304 has no body, whatever its Content-Length says.
        int code = response.code();
        boolean hasBody = !request.method().equals("HEAD") && code >= 200 && code != 204 && code != 304;
        if (hasBody && body.contentLength() > maxResponseBytes) {
            throw TransportFailures.responseTooLarge(request, transport, maxResponseBytes, body.contentLength());
        }
        BufferedSource source = body.source();
        if (source.request(maxResponseBytes + 1L)) {
            throw TransportFailures.responseTooLarge(request, transport, maxResponseBytes);
        }
        return source.readByteArray();
    }
}
