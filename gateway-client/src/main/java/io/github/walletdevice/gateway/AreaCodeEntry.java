package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.Map;
import java.util.Set;

/**
 * One item of {@code cardContents.areaCodeList}: an area of the external card and its key version, each as
 * 4 hex digits of the numeric value (as in the spec's example, {@code "0100"} / {@code "6745"}).
 *
 * @param areaCode the area code, 4 hex digits, upper case
 * @param keyVersion the area's key version, 4 hex digits, upper case
 * @param extensions fields the contract does not define
 */
public record AreaCodeEntry(String areaCode, String keyVersion, Map<String, JsonNode> extensions) {

    /** The JSON fields this record models; any other field is an extension. */
    public static final Set<String> FIELDS = Set.of("areaCode", "keyVersion");

    /**
     * Checks the item.
     *
     * @param areaCode exactly 4 hex digits
     * @param keyVersion exactly 4 hex digits
     * @param extensions extra fields, or {@code null}
     * @throws io.github.walletdevice.core.ValidationException when a rule is broken
     */
    public AreaCodeEntry {
        areaCode = Rules.hex("cardContents.areaCodeList[].areaCode", areaCode, 4);
        keyVersion = Rules.hex("cardContents.areaCodeList[].keyVersion", keyVersion, 4);
        extensions = Rules.extensions("cardContents.areaCodeList[]", extensions, FIELDS);
    }

    /**
     * An entry from hex.
     *
     * @param areaCode 4 hex digits
     * @param keyVersion 4 hex digits
     * @return the entry
     */
    public static AreaCodeEntry of(String areaCode, String keyVersion) {
        return new AreaCodeEntry(areaCode, keyVersion, Map.of());
    }

    /**
     * An entry from the FeliCa codec's value types.
     *
     * @param areaCode the area code
     * @param keyVersion its key version
     * @return the entry
     */
    public static AreaCodeEntry of(AreaCode areaCode, KeyVersion keyVersion) {
        return of(areaCode.toString(), keyVersion.toString());
    }

    @Override
    public String toString() {
        return "AreaCodeEntry[" + areaCode + " v" + keyVersion + Rules.extensionNames(extensions) + "]";
    }
}
