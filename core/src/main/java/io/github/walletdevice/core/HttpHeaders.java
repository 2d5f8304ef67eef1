package io.github.walletdevice.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable HTTP header fields. Names are case-insensitive; repeated fields keep every value, in order.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());
    private static final String[] SET_BY_HTTP_LIBRARY = {"Content-Length", "Host", "Connection", "Expect", "Upgrade"};

    private final List<Map.Entry<String, String>> entries;

    private HttpHeaders(List<Map.Entry<String, String>> entries) {
        this.entries = entries;
    }

    /**
     * Headers with no field.
     *
     * @return the empty headers
     */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Headers from name/value pairs, e.g. {@code of("Content-Type", "application/json", "x-actor-id", "tsh")}.
     *
     * @param namesAndValues an even number of strings: name, value, name, value…
     * @return the headers
     * @throws IllegalArgumentException if the count is odd or a name or value is invalid
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come in name/value pairs; got an odd number of strings");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /**
     * Whether a request header is one the HTTP library sets itself ({@code Content-Length}, {@code Host},
     * {@code Connection}, {@code Expect}, {@code Upgrade}, in any case): every walletdevice transport drops it from
     * the request it sends, so that all of them send alike. Compared without lower-casing, as it runs for every
     * header sent.
     *
     * @param name a header name
     * @return whether the transports leave it to their library
     */
    public static boolean isSetByHttpLibrary(String name) {
        for (String r : SET_BY_HTTP_LIBRARY) {
            if (r.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A builder with no field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these fields, to add or replace some.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries.addAll(entries);
        return b;
    }

    /**
     * The first value of a field.
     *
     * @param name the field name, any case
     * @return the first value, or empty
     */
    public Optional<String> firstValue(String name) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of a field, in order.
     *
     * @param name the field name, any case
     * @return the values, possibly empty
     */
    public List<String> allValues(String name) {
        List<String> values = new ArrayList<>(2);
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                values.add(e.getValue());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * The distinct field names, as first spelled, in order.
     *
     * @return the names
     */
    public Set<String> names() {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            byLower.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(byLower.values()));
    }

    /**
     * Every field as a name/value entry, repeats included, in order.
     *
     * @return the entries
     */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /**
     * Whether there is no field.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Field names and values; credentials are masked (see {@code Redactor}). */
    @Override
    public String toString() {
        return io.github.walletdevice.core.Redactor.headers(this);
    }

    /**
     * The one rule for the value of a header the SDK sends, checked by {@link HttpRequest} so that every transport
     * sends the same thing or nothing: visible ASCII characters and spaces or tabs between them (RFC 9110 field
     * values without obsolete text). A character outside ASCII would be sent by one HTTP library as ISO-8859-1 and
     * refused by another; a leading or trailing space or tab is dropped by the receiver, which then sees another
     * value than the one the caller set. Received headers are not checked: they are read as they come.
     *
     * @param name the header's name, which names the field in the exception
     * @param value the value
     * @return the value
     * @throws ValidationException naming the header when the value breaks the rule
     */
    public static String checkRequestValue(String name, String value) {
        Fields.required(name, value);
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= 0x20 && c <= 0x7e || c == '\t')) {
                throw new ValidationException(name, RULE, shown(name, value));
            }
        }
        if (n > 0 && (isBlank(value.charAt(0)) || isBlank(value.charAt(n - 1)))) {
            throw new ValidationException(name, "without leading or trailing spaces (the receiver drops them), "
                    + RULE, shown(name, value));
        }
        return value;
    }

    private static final String RULE = "visible ASCII characters, with spaces or tabs only between them";

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * The value with every character the rule refuses shown as {@code ?}, so that the message is plain ASCII; a
     * credential's value (Authorization, Cookie, ...) is masked whole, as in every other message.
     */
    private static String shown(String name, String value) {
        if (Redactor.isSecretHeader(name)) {
            return Redactor.SECRET_MASK;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return sb.toString();
    }

    /** Builds {@link HttpHeaders}. Not thread-safe. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a field, keeping any existing value of the same name.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            checkName(name);
            if (value == null) {
                // The message built only when needed: add runs for every header of every request and response.
                throw new NullPointerException("value of header " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Header " + name + " has a line break in its value");
            }
            entries.add(Map.entry(name, value));
            return this;
        }

        /**
         * Sets a field, replacing every existing value of the same name.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /**
         * Removes every value of a field.
         *
         * @param name the field name, any case
         * @return this builder
         */
        public Builder remove(String name) {
            entries.removeIf(e -> e.getKey().equalsIgnoreCase(name));
            return this;
        }

        /**
         * Builds the immutable headers.
         *
         * @return the headers
         */
        public HttpHeaders build() {
            return entries.isEmpty() ? EMPTY : new HttpHeaders(List.copyOf(entries));
        }

        private static void checkName(String name) {
            Objects.requireNonNull(name, "header name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Header name is empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == ':') {
                    throw new IllegalArgumentException("Header name \"" + name + "\" has an invalid character");
                }
            }
        }
    }
}
