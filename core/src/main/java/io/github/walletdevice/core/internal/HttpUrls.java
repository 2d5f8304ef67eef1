package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one check of the URLs the clients are built with: absolute, {@code http} or {@code https}, with a host, and
 * without a user name or password (it would never be sent, and it would show wherever the URL is printed). A refused
 * URL is shown as {@link Redactor#url(String)} masks it.
 */
public final class HttpUrls {
    /** The rule named when user info is found, unless a client names a better one. */
    public static final String NO_USER_INFO = "no user name or password in the URL";

    private HttpUrls() {
    }

    /**
     * Parses and checks a URL given as text.
     *
     * @param field the field named in the failure
     * @param text the URL
     * @param userInfoRule the rule named when the URL holds user info (e.g. {@link #NO_USER_INFO})
     * @param allowQuery whether a query is allowed (never a fragment when not)
     * @return the URL
     * @throws ValidationException when it is missing or breaks a rule
     */
    public static URI parse(String field, String text, String userInfoRule, boolean allowQuery) {
        Fields.required(field, text);
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            // Not the exception's message: it repeats the text, password and all.
            throw new ValidationException(field, "a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")", Redactor.url(text));
        }
        return check(field, uri, userInfoRule, allowQuery);
    }

    /**
     * Checks a URL.
     *
     * @param field the field named in the failure
     * @param uri the URL
     * @param userInfoRule the rule named when the URL holds user info
     * @param allowQuery whether a query and fragment are allowed
     * @return the URL
     * @throws ValidationException when it is missing or breaks a rule
     */
    public static URI check(String field, URI uri, String userInfoRule, boolean allowQuery) {
        Fields.required(field, uri);
        String authority = uri.getRawAuthority();
        String part = uri.getRawSchemeSpecificPart();
        // Checked on the raw parts too: URI leaves user info unparsed when the host is not a valid host name.
        if (uri.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)
                || (uri.isOpaque() && part != null && part.indexOf('@') >= 0)) {
            throw new ValidationException(field, userInfoRule, Redactor.url(uri.toString()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || (!allowQuery && (uri.getRawQuery() != null || uri.getRawFragment() != null))) {
            throw new ValidationException(field, "an absolute http or https URL with a host"
                    + (allowQuery ? "" : ", without query or fragment"), Redactor.url(uri.toString()));
        }
        return uri;
    }
}
