package io.github.walletdevice.thredd.internal;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The web service user name and password sent in {@code AuthSoapHeader}. The password is never shown. */
public final class Credentials {
    private final String userName;
    private final String password;
    private final List<String> passwordForms;

    /**
     * Checks and keeps the credentials.
     *
     * @param userName the user name, not blank
     * @param password the password, not empty
     */
    public Credentials(String userName, String password) {
        Fields.required("strUserName", userName);
        Fields.required("strPassword", password);
        if (userName.isBlank()) {
            throw new ValidationException("strUserName", "not blank (Thredd would answer 997)", userName);
        }
        if (password.isEmpty()) {
            throw new ValidationException("strPassword", "not empty (Thredd would answer 998)",
                    Redactor.SECRET_MASK);
        }
        if (!XmlText.isValid(userName)) {
            throw new ValidationException("strUserName", "characters XML can carry", userName.replaceAll(
                    "[^\\x20-\\x7e]", "?"));
        }
        if (!XmlText.isValid(password)) {
            throw new ValidationException("strPassword", "characters XML can carry", Redactor.SECRET_MASK);
        }
        this.userName = userName;
        this.password = password;
        this.passwordForms = forms(password);
    }

    /**
     * The forms a server might echo the password in: exactly as the request carries it in {@code strPassword}
     * ({@code &}, {@code <}, {@code >} and a carriage return escaped, not quotes), with quotes escaped too, and
     * plain. Longest first, so that a form containing another is masked whole.
     */
    private static List<String> forms(String password) {
        // A plain sort with one lambda rather than a stream or composed comparators: this runs as a client is built,
        // where every class loaded counts.
        List<String> forms = new ArrayList<>(new LinkedHashSet<>(List.of(SoapRequestEncoder.writtenText(password),
                XmlText.escape(password), password)));
        forms.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(forms);
    }

    /**
     * The user name ({@code strUserName}).
     *
     * @return the user name
     */
    public String userName() {
        return userName;
    }

    /**
     * The password ({@code strPassword}), for the request only.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * Every form of the password to keep out of logged bodies (see {@link #scrub(String)}).
     *
     * @return the forms, longest first
     */
    public List<String> passwordForms() {
        return passwordForms;
    }

    /**
     * Removes the password from text that might echo it (a fault string, a body excerpt), in each of its
     * {@link #passwordForms() forms}. Defence in depth: Thredd is not known to echo it.
     *
     * @param text the text, or {@code null}
     * @return the text with the password masked
     */
    public String scrub(String text) {
        if (text == null || password.length() < 3) {
            return text;
        }
        String s = text;
        for (String form : passwordForms) {
            s = s.replace(form, Redactor.SECRET_MASK);
        }
        return s;
    }

    /** The user name; never the password. */
    @Override
    public String toString() {
        return "Credentials[userName=" + userName + ", password=" + Redactor.SECRET_MASK + "]";
    }
}
