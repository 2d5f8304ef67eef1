package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.TransportException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * How library failures map to reasons, with the exceptions the JDK client and OkHttp actually throw (OkHttp reports
 * its call timeout as {@code InterruptedIOException("timeout")}, a read timeout as
 * {@code SocketTimeoutException("timeout")} or {@code "Read timed out"}, a connect timeout as
 * {@code SocketTimeoutException("Connect timed out")}, and a refused connection as a {@code ConnectException}
 * wrapping the JDK's).
 */
class TransportFailuresTest {
    private static final HttpRequest REQUEST = HttpRequest.builder()
            .uri(URI.create("https://thredd.example:8443/ws?wsid=1")).build();

    private static TransportException classify(Throwable t) {
        return TransportFailures.classify(t, REQUEST, "test");
    }

    private static void assertReason(Throwable t, Reason reason, boolean sent) {
        TransportException e = classify(t);
        assertThat(e.reason()).as(t.toString()).isEqualTo(reason);
        assertThat(e.isRequestSent()).as(t.toString()).isEqualTo(sent);
        assertThat(e.getMessage()).contains("thredd.example").doesNotContain("wsid");
    }

    @Test
    void connectFailuresAreNotSent() {
        assertReason(new ConnectException("Connection refused"), Reason.CONNECT, false);
        assertReason(new IOException("Failed to connect to localhost/127.0.0.1:1",
                new ConnectException("Connection refused")), Reason.CONNECT, false);
        assertReason(new NoRouteToHostException("No route to host"), Reason.CONNECT, false);
        assertReason(new UnknownHostException("thredd.example"), Reason.CONNECT, false);
        assertReason(new SSLHandshakeException("PKIX path building failed"), Reason.CONNECT, false);
        // OkHttp's hostname check fails after the handshake, still before anything is sent.
        assertReason(new SSLPeerUnverifiedException("Hostname thredd.example not verified"), Reason.CONNECT, false);
    }

    @Test
    void connectTimeoutsAreNotSent() {
        assertReason(new SocketTimeoutException("Connect timed out"), Reason.CONNECT_TIMEOUT, false);
        assertReason(new SocketTimeoutException("connect timed out"), Reason.CONNECT_TIMEOUT, false);
        assertReason(new HttpConnectTimeoutException("HTTP connect timed out"), Reason.CONNECT_TIMEOUT, false);
        assertReason(new IOException("x", new SocketTimeoutException("Connect timed out")),
                Reason.CONNECT_TIMEOUT, false);
    }

    @Test
    void readTimeoutsMayHaveBeenSent() {
        assertReason(new SocketTimeoutException("timeout"), Reason.READ_TIMEOUT, true);
        assertReason(new SocketTimeoutException("Read timed out"), Reason.READ_TIMEOUT, true);
        assertReason(new HttpTimeoutException("request timed out"), Reason.READ_TIMEOUT, true);
    }

    @Test
    void okHttpCallTimeoutIsTheDeadline() {
        InterruptedIOException timeout = new InterruptedIOException("timeout");
        timeout.initCause(new SocketException("Socket closed"));
        assertReason(timeout, Reason.DEADLINE, true);
        assertReason(new InterruptedIOException("timeout"), Reason.DEADLINE, true);
    }

    @Test
    void brokenConnectionsAreIoAndMayHaveBeenSent() {
        assertReason(new SocketException("Connection reset"), Reason.IO, true);
        assertReason(new IOException("unexpected end of stream", new EOFException()), Reason.IO, true);
        assertReason(new InterruptedIOException("executor rejected"), Reason.IO, true);
    }

    @Test
    void cancellationIsCancelled() {
        assertReason(new CancellationException(), Reason.CANCELLED, true);
    }

    @Test
    void wrappersAreUnwrappedAndTransportExceptionsPassThrough() {
        assertReason(new CompletionException(new ExecutionException(new ConnectException("refused"))),
                Reason.CONNECT, false);
        TransportException own = new TransportException("mine", Reason.CLOSED, false, null);
        assertThat(classify(new CompletionException(own))).isSameAs(own);
    }

    @Test
    void theCauseIsKept() {
        ConnectException cause = new ConnectException("Connection refused");
        assertThat(classify(cause)).hasCause(cause);
    }

    @Test
    void deadlineClosedAndInterruptedSayWhetherTheRequestWasSent() {
        assertThat(TransportFailures.deadline(REQUEST, false).isRequestSent()).isFalse();
        assertThat(TransportFailures.deadline(REQUEST, false).getMessage()).contains("nothing was sent");
        assertThat(TransportFailures.deadline(REQUEST, true).isRequestSent()).isTrue();
        assertThat(TransportFailures.closed("jdk").reason()).isEqualTo(Reason.CLOSED);
        assertThat(TransportFailures.closed("jdk").isRequestSent()).isFalse();
        assertThat(TransportFailures.closedDuringCall(REQUEST, "jdk", null).isRequestSent()).isTrue();
        assertThat(TransportFailures.interrupted(REQUEST, false, null).reason()).isEqualTo(Reason.CANCELLED);
    }

    @Test
    void aFutureFailureIsATransportExceptionUnlessItIsABug() {
        IllegalStateException bug = new IllegalStateException("a user's transport broke");
        assertThat(TransportFailures.ofFuture(new CompletionException(bug), REQUEST, "test")).isSameAs(bug);

        RuntimeException io = TransportFailures.ofFuture(new ExecutionException(new ConnectException("refused")),
                REQUEST, "test");
        assertThat(io).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CONNECT));
        assertThat(TransportFailures.ofFuture(new CancellationException(), REQUEST, "test"))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        TransportException already = TransportFailures.closed("test");
        assertThat(TransportFailures.ofFuture(already, REQUEST, "test")).isSameAs(already);
    }
}
