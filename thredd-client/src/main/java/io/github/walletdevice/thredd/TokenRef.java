package io.github.walletdevice.thredd;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.Sensitivity;
import io.github.walletdevice.core.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokenised card whose devices are listed or unbound: a DPAN, a Thredd payment token id, or both (Thredd
 * then checks they belong together, action code 212). Immutable; checked on creation against the specification:
 * DPAN 16–19 letters and digits, PaymentTokenId 1–20 letters and digits (both "AN" in the spec).
 * {@link #toString()} shows both masked.
 */
public final class TokenRef {
    private final String dpan;
    private final String paymentTokenId;

    private TokenRef(String dpan, String paymentTokenId) {
        if (dpan == null && paymentTokenId == null) {
            throw new ValidationException("DPAN or PaymentTokenId", "given (at least one of them)", null);
        }
        // "AN 16 19" in the spec: letters and digits, not digits only. Both are masked in messages, as in toString.
        this.dpan = dpan == null ? null : Fields.alphanumeric("DPAN", dpan, 16, 19, Sensitivity.PAN);
        this.paymentTokenId = paymentTokenId == null ? null
                : Fields.alphanumeric("PaymentTokenId", paymentTokenId, 1, 20, Sensitivity.PAN);
    }

    /**
     * A token known by its DPAN.
     *
     * @param dpan the tokenised PAN, 16–19 digits
     * @return the reference
     * @throws ValidationException if the DPAN breaks the rule
     */
    public static TokenRef ofDpan(String dpan) {
        return new TokenRef(Fields.required("DPAN", dpan), null);
    }

    /**
     * A token known by its Thredd payment token id.
     *
     * @param paymentTokenId the id, 1–20 letters and digits
     * @return the reference
     * @throws ValidationException if the id breaks the rule
     */
    public static TokenRef ofPaymentTokenId(String paymentTokenId) {
        return new TokenRef(null, Fields.required("PaymentTokenId", paymentTokenId));
    }

    /**
     * A token known by a DPAN, a payment token id, or both.
     *
     * @param dpan the DPAN, or {@code null}
     * @param paymentTokenId the payment token id, or {@code null}
     * @return the reference
     * @throws ValidationException if both are missing or one breaks its rule
     */
    public static TokenRef of(String dpan, String paymentTokenId) {
        return new TokenRef(dpan, paymentTokenId);
    }

    /**
     * The DPAN, if given.
     *
     * @return the DPAN
     */
    public Optional<String> dpan() {
        return Optional.ofNullable(dpan);
    }

    /**
     * The payment token id, if given.
     *
     * @return the id
     */
    public Optional<String> paymentTokenId() {
        return Optional.ofNullable(paymentTokenId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenRef t && Objects.equals(dpan, t.dpan)
                && Objects.equals(paymentTokenId, t.paymentTokenId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpan, paymentTokenId);
    }

    /** The DPAN masked (first 6 and last 4 digits) and the payment token id. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TokenRef[");
        if (dpan != null) {
            sb.append("dpan=").append(Redactor.pan(dpan));
        }
        if (paymentTokenId != null) {
            sb.append(dpan != null ? ", " : "").append("paymentTokenId=").append(Redactor.pan(paymentTokenId));
        }
        return sb.append(']').toString();
    }
}
