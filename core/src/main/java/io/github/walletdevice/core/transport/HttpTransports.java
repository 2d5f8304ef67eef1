package io.github.walletdevice.core.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds and creates transports. With {@code walletdevice-transport-okhttp} on the class path, OkHttp is the
 * default; without it, the JDK {@code java.net.http} transport is.
 */
public final class HttpTransports {
    private HttpTransports() {
    }

    /**
     * Creates the highest-priority transport found.
     *
     * @param options the settings
     * @return a new transport the caller owns
     */
    public static HttpTransport createDefault(TransportOptions options) {
        return providers().get(0).create(options);
    }

    /**
     * Creates a transport by provider name.
     *
     * @param name e.g. {@code "okhttp"} or {@code "jdk"}
     * @param options the settings
     * @return a new transport the caller owns
     * @throws IllegalArgumentException if no provider has that name
     */
    public static HttpTransport create(String name, TransportOptions options) {
        for (HttpTransportProvider p : providers()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.create(options);
            }
        }
        throw new IllegalArgumentException("No HTTP transport named \"" + name + "\"; available: "
                + providers().stream().map(HttpTransportProvider::name).collect(Collectors.joining(", ")));
    }

    /**
     * Every provider found, highest priority first; the JDK provider ({@code "jdk"}) is always among them.
     *
     * @return the providers
     */
    public static List<HttpTransportProvider> providers() {
        // Loops, not streams: this runs in a client's first call, where a stream's classes would load too.
        List<HttpTransportProvider> found = new ArrayList<>();
        for (HttpTransportProvider provider : ServiceLoader.load(HttpTransportProvider.class,
                HttpTransports.class.getClassLoader())) {
            found.add(provider);
        }
        if (found.isEmpty()) {
            // The JDK provider is declared by this jar (META-INF/services and module-info): only a repackaging that
            // dropped service files loses it.
            throw new IllegalStateException("No HTTP transport provider found: the service file"
                    + " META-INF/services/io.github.walletdevice.core.transport.HttpTransportProvider of"
                    + " walletdevice-core is missing (merge service files when shading)");
        }
        found.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return List.copyOf(found);
    }
}
