package io.github.walletdevice.core;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is logged, put in an exception message or printed by {@code toString()}:
 * passwords and credential headers never appear; card numbers show at most their first 6 and last 4 digits.
 */
public final class Redactor {
    /** What a secret is replaced with. Fixed, so that it tells nothing of the secret's length. */
    public static final String SECRET_MASK = "***";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "api-key", "x-auth-token");

    // XML elements and JSON members whose values are secret or card numbers (any namespace prefix, any case).
    private static final String SECRET_NAMES = "strPassword|password|passwd|secret|apiKey|api_key|token_secret";
    private static final String PAN_NAMES = "DPAN|PAN|cardNumber|card_number|primaryAccountNumber";
    private static final Pattern XML_SECRET = Pattern.compile(
            "(<(?:[\\w.-]+:)?(?:" + SECRET_NAMES + ")(?:\\s[^>]*)?>)([^<]*)(</)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_PAN = Pattern.compile(
            "(<(?:[\\w.-]+:)?(?:" + PAN_NAMES + ")(?:\\s[^>]*)?>)([^<]*)(</)", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_PAN = Pattern.compile(
            "(\"(?:" + PAN_NAMES + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "([?&;](?:" + SECRET_NAMES + "|access_token|token|sig|signature)=)([^&;#]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_PAN = Pattern.compile(
            "([?&;](?:" + PAN_NAMES + ")=)([^&;#]*)", Pattern.CASE_INSENSITIVE);
    // Any other run of 13-19 digits that passes the Luhn check is treated as a card number.
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");

    private Redactor() {
    }

    /**
     * Masks a card number, keeping at most the first 6 and last 4 digits; shorter values keep only the last 4
     * characters, and values of 4 characters or fewer are masked whole.
     *
     * @param value the card number, or {@code null}
     * @return the masked form, or {@code null}
     */
    public static String pan(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        if (n < 13) {
            return "*".repeat(n - 4) + value.substring(n - 4);
        }
        return value.substring(0, 6) + "*".repeat(n - 10) + value.substring(n - 4);
    }

    /**
     * Whether a header's value is a credential that must never be shown.
     *
     * @param name the header name, any case
     * @return {@code true} for Authorization, Proxy-Authorization, Cookie and the like
     */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Headers as text, credentials masked.
     *
     * @param headers the headers
     * @return e.g. {@code {Content-Type: [application/json], Authorization: ***}}
     */
    public static String headers(HttpHeaders headers) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : headers.entries()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append(": ").append(isSecretHeader(e.getKey()) ? SECRET_MASK : e.getValue());
        }
        return sb.append('}').toString();
    }

    /**
     * A body as it may be logged: secrets and card numbers masked, cut to a size.
     *
     * @param body the body text
     * @param maxChars most characters kept
     * @return the redacted, bounded text
     */
    public static String body(String body, int maxChars) {
        if (body == null) {
            return "";
        }
        String s = XML_SECRET.matcher(body).replaceAll("$1" + SECRET_MASK + "$3");
        s = JSON_SECRET.matcher(s).replaceAll("$1" + SECRET_MASK + "$3");
        s = replacePans(XML_PAN.matcher(s));
        s = replacePans(JSON_PAN.matcher(s));
        s = maskLuhnRuns(s);
        return truncate(s, maxChars);
    }

    /**
     * A URI as it may be logged: user info dropped, secret query parameters masked, card numbers masked.
     *
     * @param uri the URI, or {@code null}
     * @return the redacted text, or {@code "null"}
     */
    public static String uri(URI uri) {
        if (uri == null) {
            return "null";
        }
        String s = uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", SECRET_MASK + "@");
        s = QUERY_SECRET.matcher(s).replaceAll("$1" + SECRET_MASK);
        s = replacePans(QUERY_PAN.matcher(s));
        return maskLuhnRuns(s);
    }

    /**
     * A URL given as text, which may not even parse, as an error message may show it: whatever lies between the
     * scheme and the last {@code @} is masked (a URL that does not parse cannot say where its user info ends, and a
     * password may hold {@code /}, {@code #} or spaces; masking a little too much is harmless, showing a password is
     * not), then secret query parameters and card numbers as in {@link #uri(URI)}. The one way the SDK shows a URL
     * that may hold credentials.
     *
     * @param url the URL as given, or {@code null}
     * @return the redacted text, or {@code "null"}
     */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        String s = url;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            int scheme = s.indexOf("://");
            int colon = s.indexOf(':');
            int from = scheme >= 0 && scheme < at ? scheme + 3 : colon >= 0 && colon < at ? colon + 1 : 0;
            s = s.substring(0, from) + SECRET_MASK + s.substring(at);
        }
        s = QUERY_SECRET.matcher(s).replaceAll("$1" + SECRET_MASK);
        s = replacePans(QUERY_PAN.matcher(s));
        return maskLuhnRuns(s);
    }

    /**
     * Cuts text to a size, saying how much was cut.
     *
     * @param s the text
     * @param maxChars most characters kept
     * @return the text, or its start followed by a note of what was cut
     */
    public static String truncate(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        return s.substring(0, Math.max(0, maxChars)) + "…(" + (s.length() - maxChars) + " more chars)";
    }

    /**
     * Masks the exact values a client sent wherever they appear in a text (a fault reason, a body excerpt, a logged
     * body), whether or not they look like a card number: each is replaced by its {@link #pan(String)} form. Values
     * shorter than {@value #MIN_MASKED_LITERAL} characters are left alone, since masking every occurrence of, say,
     * {@code "42"} would garble the text and hide nothing.
     *
     * @param text the text, or {@code null}
     * @param values the values sent (e.g. a DPAN and a payment token id); {@code null}s are skipped
     * @return the text with every occurrence of each value masked
     */
    public static String sentValues(String text, Iterable<String> values) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String v : values) {
            if (v != null && v.length() >= MIN_MASKED_LITERAL) {
                s = s.replace(v, pan(v));
            }
        }
        return s;
    }

    /** Fewest characters of a value {@link #sentValues(String, Iterable)} masks. */
    public static final int MIN_MASKED_LITERAL = 4;

    private static String replacePans(Matcher m) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tail = m.groupCount() >= 3 ? m.group(3) : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + pan(m.group(2)) + tail));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String maskLuhnRuns(String s) {
        Matcher m = DIGIT_RUN.matcher(s);
        StringBuilder sb = null;
        while (m.find()) {
            if (luhn(m.group())) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                m.appendReplacement(sb, pan(m.group()));
            }
        }
        if (sb == null) {
            return s;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
