package io.github.walletdevice.thredd;

/**
 * How the request spells the payment token id's element. Thredd's specification disagrees with itself: its field
 * table says {@code PaymentTokenID}, its sample request {@code PaymentTokenId}. XML names are case-sensitive, so only
 * one of them can be what Thredd's service reads; the sample's spelling is the default, the table's is selectable
 * with {@link ThreddClient.Builder#tokenIdElement(TokenIdElement)} should Thredd ignore the default (it would then
 * answer 216, "Either DPAN or PaymentTokenId must be provided", to a call with a token id only).
 */
public enum TokenIdElement {
    /** {@code PaymentTokenId}, as in the specification's sample request (the default). */
    SAMPLE("PaymentTokenId"),
    /** {@code PaymentTokenID}, as in the specification's field table. */
    FIELD_TABLE("PaymentTokenID");

    private final String elementName;

    TokenIdElement(String elementName) {
        this.elementName = elementName;
    }

    /**
     * The element's local name.
     *
     * @return {@code PaymentTokenId} or {@code PaymentTokenID}
     */
    public String elementName() {
        return elementName;
    }
}
