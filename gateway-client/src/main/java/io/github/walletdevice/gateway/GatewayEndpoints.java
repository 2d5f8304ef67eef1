package io.github.walletdevice.gateway;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The URL of each operation: the base URL, the base path, then the operation's name. */
final class GatewayEndpoints {
    private GatewayEndpoints() {
    }

    /**
     * Every operation's URL.
     *
     * @param baseUrl the checked base URL (see {@code HttpUrls}), or {@code null} when none was set
     * @param basePath the path between the base URL and the operation names
     * @return the URLs by operation
     * @throws ValidationException when the base URL is missing or the base path is not a plain URL path
     */
    static Map<GatewayApi, URI> of(URI baseUrl, String basePath) {
        Fields.required("baseUrl", baseUrl);
        String path = trimSlashes(baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath())
                + prefixed(trimSlashes(basePath.strip()));
        if (path.chars().anyMatch(c -> c == '?' || c == '#' || c <= ' ' || c == 0x7f)) {
            throw new ValidationException("basePath", "a URL path without spaces, control characters, query or "
                    + "fragment", basePath.replaceAll("[\\x00-\\x1f\\x7f]", "?"));
        }
        String base = baseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + baseUrl.getRawAuthority()
                + prefixed(trimSlashes(path));
        Map<GatewayApi, URI> uris = new EnumMap<>(GatewayApi.class);
        for (GatewayApi api : GatewayApi.values()) {
            uris.put(api, URI.create(base + "/" + api.operationName()));
        }
        return uris;
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String prefixed(String s) {
        return s.isEmpty() ? "" : "/" + s;
    }
}
