package io.github.walletdevice.transport.okhttp;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body that OkHttp may send once and never again by itself: {@link #isOneShot()} is {@code true} from
 * the moment its bytes start to go out. OkHttp does not follow up a request whose body is one-shot: not on a 503
 * with {@code Retry-After: 0}, a 408, a 421 or a redirect, whatever the client's settings. Before it is sent the
 * body is not one-shot, so that an authenticator's answer to a 401 or 407 challenge can carry a {@link #fresh()}
 * copy (the server refused the request; it did not act on it).
 *
 * <p>No media type: the caller's {@code Content-Type} header is sent exactly as given.
 */
final class SendOnceBody extends RequestBody {
    private final byte[] bytes;
    private volatile boolean sending;

    SendOnceBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The same bytes, not yet sent: for a request an authenticator answers a challenge with. */
    SendOnceBody fresh() {
        return new SendOnceBody(bytes);
    }

    @Override
    public MediaType contentType() {
        return null;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public boolean isOneShot() {
        return sending;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        // Set before the first byte: a body that failed half-way out was sent as far as the server knows.
        sending = true;
        sink.write(bytes);
    }
}
