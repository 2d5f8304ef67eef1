package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy: host, port, optional Basic credentials, and hosts reached directly.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port, 1–65535
 * @param username the proxy user, or {@code null} when the proxy needs no credentials
 * @param password the proxy password, or {@code null}; never shown by {@link #toString()}
 * @param nonProxyHosts hosts reached without the proxy: exact names, or patterns starting with {@code *.}
 */
public record ProxyOptions(String host, int port, String username, String password, List<String> nonProxyHosts) {

    /**
     * Validates and copies.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param username the proxy user or {@code null}
     * @param password the proxy password or {@code null}
     * @param nonProxyHosts hosts reached directly
     */
    public ProxyOptions {
        Fields.required("proxy host", host);
        if (host.isBlank()) {
            throw new ValidationException("proxy host", "not blank", host);
        }
        Fields.range("proxy port", port, 1, 65535);
        if ((username == null) != (password == null)) {
            throw new ValidationException(username == null ? "proxy username" : "proxy password",
                    "given together with the " + (username == null ? "password" : "username") + ", or neither", null);
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    /**
     * A proxy without credentials.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @return the options
     */
    public static ProxyOptions of(String host, int port) {
        return new ProxyOptions(host, port, null, null, List.of());
    }

    /**
     * The same proxy with Basic credentials.
     *
     * @param username the proxy user
     * @param password the proxy password
     * @return new options
     */
    public ProxyOptions withCredentials(String username, String password) {
        return new ProxyOptions(host, port, Fields.required("proxy username", username),
                Fields.required("proxy password", password), nonProxyHosts);
    }

    /**
     * The same proxy, bypassed for these hosts.
     *
     * @param hosts exact host names, or patterns starting with {@code *.}
     * @return new options
     */
    public ProxyOptions withNonProxyHosts(List<String> hosts) {
        return new ProxyOptions(host, port, username, password, hosts);
    }

    /**
     * Whether a host is reached without the proxy.
     *
     * @param targetHost the host of a request URI
     * @return {@code true} when one of {@link #nonProxyHosts()} matches
     */
    public boolean bypasses(String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.startsWith("*.") ? h.endsWith(p.substring(1)) : h.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the proxy needs credentials.
     *
     * @return {@code true} when a username is set
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * A selector that routes through this proxy except for the {@link #nonProxyHosts() hosts it bypasses}. The
     * proxy's address is left unresolved, so the HTTP library resolves it when it connects; the target host of a
     * proxied plain-HTTP request is resolved by the proxy, not here.
     *
     * @return a new proxy selector
     */
    public ProxySelector proxySelector() {
        List<Proxy> viaProxy = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return uri.getHost() != null && bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : viaProxy;
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // The failure reaches the caller as a TransportException; there is no other route to try.
            }
        };
    }

    @Override
    public String toString() {
        return "ProxyOptions[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=***")
                + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHosts) + "]";
    }
}
