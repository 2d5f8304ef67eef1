package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cardContents} of a reader-mode request: what the phone found on the external card. The spec gives the
 * object as an example only ("for FeliCa, the following can be provided"), so every field is optional here, and
 * each is checked when present: {@code systemCode} 4 hex digits, {@code idm} and {@code pmm} 16 hex digits,
 * {@code areaCodeList} items of 4 + 4 hex digits. Hex is normalised to upper case.
 *
 * @param cardServiceId the card service's name, e.g. {@code "Test Service"}, or {@code null}
 * @param systemCode the system code, 4 hex digits, or {@code null}
 * @param idm the card's IDm, 16 hex digits, or {@code null}
 * @param pmm the card's PMm, 16 hex digits, or {@code null}
 * @param areaCodeList the areas and their key versions, possibly empty
 * @param extensions fields the contract does not define
 */
public record CardContents(String cardServiceId, String systemCode, String idm, String pmm,
                           List<AreaCodeEntry> areaCodeList, Map<String, JsonNode> extensions) {

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of("cardServiceId", "systemCode", "idm", "pmm", "areaCodeList");

    /**
     * Checks the object.
     *
     * @param cardServiceId not empty when present
     * @param systemCode 4 hex digits when present
     * @param idm 16 hex digits when present
     * @param pmm 16 hex digits when present
     * @param areaCodeList the areas, or {@code null} for none
     * @param extensions extra fields, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public CardContents {
        if (cardServiceId != null) {
            Rules.nonEmpty("cardContents.cardServiceId", cardServiceId);
        }
        systemCode = Rules.optionalHex("cardContents.systemCode", systemCode, 4);
        idm = Rules.optionalHex("cardContents.idm", idm, 16);
        pmm = Rules.optionalHex("cardContents.pmm", pmm, 16);
        areaCodeList = Rules.list("cardContents.areaCodeList", areaCodeList);
        extensions = Rules.extensions("cardContents", extensions, FIELDS);
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "CardContents[cardServiceId=" + cardServiceId + ", systemCode=" + systemCode + ", idm=" + idm
                + ", pmm=" + pmm + ", areas=" + areaCodeList.size() + Rules.extensionNames(extensions) + "]";
    }

    /** Builds {@link CardContents}; typed setters take the FeliCa codec's value types. */
    public static final class Builder {
        private String cardServiceId;
        private String systemCode;
        private String idm;
        private String pmm;
        private final List<AreaCodeEntry> areas = new ArrayList<>();
        private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the card service's name.
         *
         * @param cardServiceId the name
         * @return this builder
         */
        public Builder cardServiceId(String cardServiceId) {
            this.cardServiceId = cardServiceId;
            return this;
        }

        /**
         * Sets the system code.
         *
         * @param systemCode 4 hex digits
         * @return this builder
         */
        public Builder systemCode(String systemCode) {
            this.systemCode = systemCode;
            return this;
        }

        /**
         * Sets the system code.
         *
         * @param systemCode the system code
         * @return this builder
         */
        public Builder systemCode(SystemCode systemCode) {
            this.systemCode = systemCode.toString();
            return this;
        }

        /**
         * Sets the IDm.
         *
         * @param idm 16 hex digits
         * @return this builder
         */
        public Builder idm(String idm) {
            this.idm = idm;
            return this;
        }

        /**
         * Sets the IDm.
         *
         * @param idm the IDm
         * @return this builder
         */
        public Builder idm(Idm idm) {
            this.idm = idm.toString();
            return this;
        }

        /**
         * Sets the PMm.
         *
         * @param pmm 16 hex digits
         * @return this builder
         */
        public Builder pmm(String pmm) {
            this.pmm = pmm;
            return this;
        }

        /**
         * Sets the PMm.
         *
         * @param pmm the PMm
         * @return this builder
         */
        public Builder pmm(Pmm pmm) {
            this.pmm = pmm.toString();
            return this;
        }

        /**
         * Adds an area.
         *
         * @param area the area and its key version
         * @return this builder
         */
        public Builder addArea(AreaCodeEntry area) {
            areas.add(area);
            return this;
        }

        /**
         * Adds an area.
         *
         * @param areaCode 4 hex digits
         * @param keyVersion 4 hex digits
         * @return this builder
         */
        public Builder addArea(String areaCode, String keyVersion) {
            return addArea(AreaCodeEntry.of(areaCode, keyVersion));
        }

        /**
         * Adds an area.
         *
         * @param areaCode the area code
         * @param keyVersion its key version
         * @return this builder
         */
        public Builder addArea(AreaCode areaCode, KeyVersion keyVersion) {
            return addArea(AreaCodeEntry.of(areaCode, keyVersion));
        }

        /**
         * Adds a field the contract does not define.
         *
         * @param name the field's name, not one of the modelled ones
         * @param value a JSON node, or any value Jackson can convert (string, number, map, list, boolean)
         * @return this builder
         */
        public Builder extension(String name, Object value) {
            extensions.put(name, GatewayJson.node(value));
            return this;
        }

        /**
         * Builds and checks the object.
         *
         * @return the card contents
         * @throws io.github.walletdevice.core.ValidationException when a rule is broken
         */
        public CardContents build() {
            return new CardContents(cardServiceId, systemCode, idm, pmm, areas, extensions);
        }
    }
}
