package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Redactor;
import java.util.Objects;

/**
 * The web service user name and password sent in {@code AuthSoapHeader}. The password is never shown.
 *
 * @param userName the user name
 * @param password the password
 */
record Credentials(String userName, String password) {
    Credentials {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        if (userName.isBlank()) {
            throw new IllegalArgumentException("The Thredd user name is empty (Thredd would answer 997)");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The Thredd password is empty (Thredd would answer 998)");
        }
        if (!XmlText.isValid(userName) || !XmlText.isValid(password)) {
            throw new IllegalArgumentException("The Thredd user name or password has a character XML cannot carry");
        }
    }

    /**
     * Removes the password from text that might echo it (a fault string, a body excerpt), whether written plain
     * or XML-escaped. Defence in depth: Thredd is not known to echo it.
     */
    String scrub(String text) {
        if (text == null || password.length() < 3) {
            return text;
        }
        String s = text.replace(password, Redactor.SECRET_MASK);
        String escaped = XmlText.escape(password);
        return escaped.equals(password) ? s : s.replace(escaped, Redactor.SECRET_MASK);
    }

    /** The user name; never the password. */
    @Override
    public String toString() {
        return "Credentials[userName=" + userName + ", password=" + Redactor.SECRET_MASK + "]";
    }
}
