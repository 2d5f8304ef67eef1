package io.github.walletdevice.core.transport;

import java.util.Comparator;
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
     * Every provider found, highest priority first; the JDK provider is always present.
     *
     * @return the providers
     */
    public static List<HttpTransportProvider> providers() {
        List<HttpTransportProvider> found = ServiceLoader.load(HttpTransportProvider.class,
                        HttpTransports.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        if (found.stream().noneMatch(p -> p instanceof JdkHttpTransportProvider)) {
            found.add(new JdkHttpTransportProvider());
        }
        found.sort(Comparator.comparingInt(HttpTransportProvider::priority).reversed());
        return List.copyOf(found);
    }
}
