package io.github.walletdevice.transport.okhttp;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * OkHttp's parsed form of the URIs a transport sends to. Parsing one costs about 1.7 µs, once per call, and a
 * client sends to a handful of endpoints, so each is parsed once. URIs equal by {@link URI#equals} (which ignores
 * the case of the scheme, the host and percent-escapes) share one entry, all naming the same resource. Bounded:
 * emptied when full, so URIs that differ on every call (a query string, say) cost no more than parsing them did.
 */
final class ParsedUrls {
    static final int MAX_ENTRIES = 256;

    private final ConcurrentHashMap<URI, HttpUrl> urls = new ConcurrentHashMap<>();

    /**
     * The URI as OkHttp's {@link HttpUrl}.
     *
     * @param uri an absolute http or https URI
     * @return its parsed form
     * @throws IllegalArgumentException when OkHttp cannot take it as a URL
     */
    HttpUrl get(URI uri) {
        HttpUrl url = urls.get(uri);
        if (url == null) {
            url = HttpUrl.get(uri.toString());
            if (urls.size() >= MAX_ENTRIES) {
                urls.clear();
            }
            urls.put(uri, url);
        }
        return url;
    }

    /** Entries kept (for tests). */
    int size() {
        return urls.size();
    }
}
