package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.TransportException.Reason;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.transport.TransportOptions;

/**
 * Turns what an HTTP library throws into a {@link TransportException} with the right reason and the right
 * answer to "was the request sent?". Shared by the transports so that they classify alike.
 */
public final class TransportFailures {
    private TransportFailures() {
    }

    /**
     * Classifies a failure of one exchange.
     *
     * @param failure what the library threw (wrappers are unwrapped)
     * @param request the request, for the message
     * @param transport the transport's name, for the message
     * @return the transport exception to throw
     */
    public static TransportException classify(Throwable failure, HttpRequest request, String transport) {
        Throwable t = unwrap(failure);
        if (t instanceof TransportException te) {
            return te;
        }
        String target = target(request.uri());
        if (t instanceof CancellationException) {
            return new TransportException("The call to " + target + " was cancelled; the server may have received it.",
                    Reason.CANCELLED, true, t);
        }
        if (t instanceof HttpConnectTimeoutException || isConnectTimeout(t)) {
            return new TransportException("Could not connect to " + target + " within the connect timeout; nothing"
                    + " was sent. Check the URL and the network, or raise connectTimeout.", Reason.CONNECT_TIMEOUT,
                    false, t);
        }
        if (hasCause(t, UnknownHostException.class)) {
            return new TransportException("Unknown host " + request.uri().getHost() + "; nothing was sent. Check"
                    + " the URL and DNS.", Reason.CONNECT, false, t);
        }
        if (hasCause(t, ConnectException.class) || hasCause(t, NoRouteToHostException.class)) {
            return new TransportException("Could not connect to " + target + " (" + rootMessage(t) + "); nothing was"
                    + " sent. Check that the server is up and the URL is right.", Reason.CONNECT, false, t);
        }
        if (hasCause(t, SSLHandshakeException.class) || hasCause(t, SSLPeerUnverifiedException.class)
                || isNotTls(t)) {
            return new TransportException("The TLS handshake with " + target + " failed (" + rootMessage(t) + ");"
                    + " nothing was sent. Check that the URL's port speaks TLS (https), the server certificate and"
                    + " the trust store.", Reason.CONNECT, false, t);
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return new TransportException("No response from " + target + " within the read timeout; the server may"
                    + " have received the request.", Reason.READ_TIMEOUT, true, t);
        }
        ResponseTooLargeException tooLarge = causeOf(t, ResponseTooLargeException.class);
        if (tooLarge != null) {
            return responseTooLarge(request, transport, tooLarge.limit(), tooLarge.announced());
        }
        if (hasCause(t, ProtocolException.class)) {
            return invalidResponse(request, transport, t);
        }
        if (t instanceof InterruptedIOException && "timeout".equalsIgnoreCase(t.getMessage())) {
            return new TransportException("The call to " + target + " passed its deadline; the server may have"
                    + " received the request.", Reason.DEADLINE, true, t);
        }
        return new TransportException("The connection to " + target + " failed (" + rootMessage(t) + "); the"
                + " server may have received the request.", Reason.IO, true, t);
    }

    /**
     * The exception for a response that is not valid HTTP: a status outside 100–599, a header the library let
     * through that is not a valid field (a name with a space), a status line or header the library itself
     * refused ({@link ProtocolException}). Reason {@link Reason#IO}, as for any other broken exchange; the request
     * was sent, so the server may have acted on it. Every transport reports such a response this way, at once.
     *
     * @param request the request
     * @param transport the transport's name
     * @param cause what the conversion or the library threw
     * @return the exception
     */
    public static TransportException invalidResponse(HttpRequest request, String transport, Throwable cause) {
        return new TransportException("The response from " + target(request.uri()) + " is not valid HTTP ("
                + rootMessage(cause) + "); the server may have received the request. Check the URL points at the"
                + " right server, and any proxy in between.", Reason.IO, true, cause);
    }

    /**
     * The exception for a response whose body passed {@link TransportOptions#maxResponseBytes()} while it was being
     * read: reason {@link Reason#RESPONSE_TOO_LARGE}, the request sent.
     *
     * @param request the request
     * @param transport the transport's name
     * @param limit the limit in bytes
     * @return the exception
     */
    public static TransportException responseTooLarge(HttpRequest request, String transport, long limit) {
        return responseTooLarge(request, transport, limit, -1);
    }

    /**
     * The exception for a response whose body is larger than {@link TransportOptions#maxResponseBytes()}: reason
     * {@link Reason#RESPONSE_TOO_LARGE}, the request sent. The message says what was read: nothing of a body whose
     * {@code Content-Length} is over the limit, else the bytes up to the limit (and one more), the rest left unread.
     *
     * @param request the request
     * @param transport the transport's name
     * @param limit the limit in bytes
     * @param announced the response's {@code Content-Length} when it is over the limit, or -1 when the body was read
     *        until it passed the limit
     * @return the exception
     */
    public static TransportException responseTooLarge(HttpRequest request, String transport, long limit,
            long announced) {
        String what = announced > limit
                ? " announces " + announced + " bytes (Content-Length), more than the " + limit + " bytes allowed"
                + " (maxResponseBytes); its body was not read"
                : " is larger than the " + limit + " bytes allowed (maxResponseBytes); reading stopped once it"
                + " passed them, the rest was not read";
        return new TransportException("The response from " + target(request.uri()) + what + ". The server"
                + " received the request and may have acted on it; asking again would get the same answer, so it"
                + " is not retried. If such responses are expected, raise TransportOptions.maxResponseBytes.",
                Reason.RESPONSE_TOO_LARGE, true, null);
    }

    /**
     * The exception for a connection that failed before any byte of the request was written to it: reason
     * {@link Reason#IO}, the request not sent, so that a retry policy may send it again.
     *
     * @param request the request
     * @param transport the transport's name, for the message
     * @param what what went wrong, for the message
     * @param cause what the library reported, or {@code null}
     * @return the exception
     */
    public static TransportException notSent(HttpRequest request, String transport, String what, Throwable cause) {
        return new TransportException("The connection to " + target(request.uri()) + " failed before the request"
                + " was written (" + what + "); nothing was sent.", Reason.IO, false, cause);
    }

    /**
     * The exception for a call that passed its whole-call deadline.
     *
     * @param request the request
     * @param sent whether it may have been sent
     * @return the exception
     */
    public static TransportException deadline(HttpRequest request, boolean sent) {
        return new TransportException("The call to " + target(request.uri()) + " passed its deadline"
                + (sent ? "; the server may have received the request." : " before it could be sent; nothing was"
                + " sent. Raise callTimeout or maxConcurrentRequests."), Reason.DEADLINE, sent, null);
    }

    /**
     * The exception for a call on a closed transport.
     *
     * @param transport the transport's name
     * @return the exception
     */
    public static TransportException closed(String transport) {
        return new TransportException("The " + transport + " transport is closed; nothing was sent. Build a new"
                + " client.", Reason.CLOSED, false, null);
    }

    /**
     * The exception for a call in flight when its transport was closed.
     *
     * @param request the request
     * @param transport the transport's name
     * @param cause what the library reported, or {@code null}
     * @return the exception
     */
    public static TransportException closedDuringCall(HttpRequest request, String transport, Throwable cause) {
        return new TransportException("The " + transport + " transport was closed while calling "
                + target(request.uri()) + "; the server may have received the request.", Reason.CLOSED, true, cause);
    }

    /**
     * The exception for a thread interrupted while waiting.
     *
     * @param request the request
     * @param sent whether it may have been sent
     * @param cause the interruption
     * @return the exception
     */
    public static TransportException interrupted(HttpRequest request, boolean sent, Throwable cause) {
        return new TransportException("Interrupted while calling " + target(request.uri())
                + (sent ? "; the server may have received the request." : "; nothing was sent."),
                Reason.CANCELLED, sent, cause);
    }

    /**
     * Whether the peer answered the TLS hello with something that is not TLS at all ({@code https://} to a plain-HTTP
     * port): the JDK's record layer says so in these words, on {@code SSLEngine} and {@code SSLSocket} alike. A peer
     * that does not speak TLS never completed a handshake, so it never got a readable byte of the request.
     */
    private static boolean isNotTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException && c.getMessage() != null) {
                String m = c.getMessage().toLowerCase(java.util.Locale.ROOT);
                if (m.contains("plaintext connection") || m.contains("unrecognized ssl message")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The exception for a failure while the connection was being opened (TCP, a proxy's tunnel, the TLS handshake),
     * known by the transport to have come before any byte of the request was written: the request not sent.
     *
     * @param request the request
     * @param transport the transport's name, for the message
     * @param cause what the library reported
     * @return the exception, of reason {@link Reason#CONNECT_TIMEOUT} when the failure was a timeout, else
     *         {@link Reason#CONNECT}
     */
    public static TransportException beforeSending(HttpRequest request, String transport, Throwable cause) {
        TransportException classified = classify(cause, request, transport);
        if (!classified.isRequestSent()) {
            return classified;
        }
        boolean timeout = hasCause(cause, InterruptedIOException.class);
        return new TransportException("Could not open a connection to " + target(request.uri()) + " ("
                + rootMessage(cause) + "); nothing was sent. "
                + (timeout ? "Check the URL and the network, or raise connectTimeout (it bounds the TLS handshake too)."
                        : "Check the URL (http or https), the server and any proxy."),
                timeout ? Reason.CONNECT_TIMEOUT : Reason.CONNECT, false, cause);
    }

    private static boolean isConnectTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return true;
            }
            if (c instanceof SocketTimeoutException && c.getMessage() != null
                    && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a transport's future failed with, as the exception to throw: a {@link TransportException} for anything
     * the network or the library caused; any other unchecked exception as it is, since it is a bug (in a user's
     * transport, say) and must never be retried as a network failure. An {@link Error} is thrown at once.
     *
     * @param failure what the future failed with (wrappers are unwrapped)
     * @param request the request, for the message
     * @param transport the transport's name, for the message
     * @return a {@link TransportException}, or the unchecked exception that is not one
     */
    public static RuntimeException ofFuture(Throwable failure, HttpRequest request, String transport) {
        Throwable t = unwrap(failure);
        if (t instanceof RuntimeException re && !(t instanceof TransportException)
                && !(t instanceof CancellationException)) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return classify(t, request, transport);
    }

    /**
     * What a future failed with, without the {@link CompletionException} and {@link ExecutionException} wrappers
     * that {@code join()}, {@code get()} and dependent stages add.
     *
     * @param t the failure
     * @return the first cause that is not such a wrapper
     */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String target(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
