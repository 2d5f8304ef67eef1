package io.github.walletdevice.examples.tes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.emulator.AreaImage;
import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImageFormat;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.ServiceImage;
import io.github.walletdevice.felica.emulator.SystemImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a virtual card from a small JSON file ({@code walletdevice gateway run --card-image F}). Two forms:
 *
 * <pre>{@code
 * { "sample": "transit", "balance": 1200, "cardAccountId": "WD00000000000042" }
 * }</pre>
 * the FeliCa codec's sample transit card ({@link CardImages#transitSample(long, String)}; {@code balance} and
 * {@code cardAccountId} optional, defaults 500 and {@code WD00000000000001}), or a whole card:
 *
 * <pre>{@code
 * {
 *   "idm": "012E4CD4A1B2C3D4",                        // required: system 0's IDm, 16 hex digits
 *   "pmm": "100B4B428485D0FF",                        // optional
 *   "systems": [ {
 *     "systemCode": "0003",                           // 4 hex digits
 *     "keyVersion": "0000",                           // optional
 *     "areas": [ { "areaCode": "1000", "endServiceCode": "13FF", "keyVersion": "0000" } ],
 *     "services": [
 *       { "serviceCode": "1011", "purseBalance": 500 },           // a purse holding a balance
 *       { "serviceCode": "1017", "overlapOf": "1011" },           // shares another service's blocks
 *       { "serviceCode": "104D", "blockCount": 10 },              // zero-filled blocks
 *       { "serviceCode": "10CB", "blocks": ["5744...0031"] },     // 32 hex digits per block
 *       { "serviceCode": "1088", "blockCount": 2, "keyVersion": "0001" }
 *     ] } ]
 * }
 * }</pre>
 * Codes are the 4 hex digits of their value (service 0x1011 is {@code "1011"}). Unknown keys are refused, so that a
 * typo does not go unnoticed. A file that does not start with <code>{</code> is read as the FeliCa codec's
 * plain-text card image ({@link CardImageFormat}) instead. The simulated TES's flows expect the sample's layout:
 * transit system 0003 with the purse 1011, the cyclic history 104D and the card information 10CB.
 */
public final class CardImageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CardImageJson() {
    }

    /**
     * Reads a card image file: this JSON format when the file starts with <code>{</code>, otherwise the FeliCa
     * codec's plain-text form ({@link CardImageFormat}).
     *
     * @param file the file
     * @return the image
     * @throws IllegalArgumentException when the file cannot be read or is not a valid card image, saying where
     */
    public static CardImage read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Card image file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read card image file " + file + ": " + e.getMessage(), e);
        }
        if (!text.stripLeading().startsWith("{")) {
            // Not JSON: the FeliCa codec's own plain-text card image.
            try {
                return CardImageFormat.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Card image " + file + " (plain-text form): " + e.getMessage(), e);
            }
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a card image.
     *
     * @param json the JSON text
     * @param source where it came from, for messages
     * @return the image
     * @throws IllegalArgumentException when it is not a valid card image, saying where
     */
    public static CardImage parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Card image " + source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Card image " + source + " must be a JSON object.");
        }
        try {
            return root.has("sample") ? sample(root) : full(root);
        } catch (Invalid e) {
            throw new IllegalArgumentException("Card image " + source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Card image " + source + " is not a valid card: " + e.getMessage(), e);
        }
    }

    private static CardImage sample(JsonNode root) {
        only(root, "", "sample", "balance", "cardAccountId");
        if (!"transit".equals(root.path("sample").asText())) {
            throw new Invalid("\"sample\" must be \"transit\" (the only sample card).");
        }
        long balance = root.has("balance") ? integer(root.get("balance"), "balance") : CardImages.DEFAULT_BALANCE;
        String account = root.has("cardAccountId") ? text(root, "cardAccountId", "")
                : CardImages.DEFAULT_CARD_ACCOUNT_ID;
        return CardImages.transitSample(balance, account);
    }

    private static CardImage full(JsonNode root) {
        only(root, "", "idm", "pmm", "systems");
        CardImage.Builder card = CardImage.builder().idm(Idm.parse(text(root, "idm", "")));
        if (root.has("pmm")) {
            card.pmm(Pmm.parse(text(root, "pmm", "")));
        }
        JsonNode systems = root.path("systems");
        if (!systems.isArray() || systems.isEmpty()) {
            throw new Invalid("\"systems\" must be a non-empty array.");
        }
        for (int i = 0; i < systems.size(); i++) {
            String at = "systems[" + i + "].";
            JsonNode s = systems.get(i);
            only(s, at, "systemCode", "idm", "pmm", "keyVersion", "areas", "services");
            SystemImage.Builder b = SystemImage.builder(SystemCode.parse(text(s, "systemCode", at)));
            if (s.has("idm")) {
                b.idm(Idm.parse(text(s, "idm", at)));
            }
            if (s.has("pmm")) {
                b.pmm(Pmm.parse(text(s, "pmm", at)));
            }
            if (s.has("keyVersion")) {
                b.keyVersion(hex4(s, "keyVersion", at));
            }
            JsonNode areas = s.path("areas");
            for (int a = 0; a < areas.size(); a++) {
                String where = at + "areas[" + a + "].";
                JsonNode area = areas.get(a);
                only(area, where, "areaCode", "endServiceCode", "keyVersion");
                b.area(new AreaImage(AreaCode.parse(text(area, "areaCode", where)), hex4(area, "endServiceCode", where),
                        area.has("keyVersion") ? hex4(area, "keyVersion", where) : 0));
            }
            JsonNode services = s.path("services");
            for (int v = 0; v < services.size(); v++) {
                b.service(service(services.get(v), at + "services[" + v + "]."));
            }
            card.system(b.build());
        }
        return card.build();
    }

    private static ServiceImage service(JsonNode s, String at) {
        only(s, at, "serviceCode", "keyVersion", "purseBalance", "overlapOf", "blockCount", "blocks");
        ServiceCode code = ServiceCode.parse(text(s, "serviceCode", at));
        int keyVersion = s.has("keyVersion") ? hex4(s, "keyVersion", at) : 0;
        int contents = (s.has("purseBalance") ? 1 : 0) + (s.has("overlapOf") ? 1 : 0) + (s.has("blockCount") ? 1 : 0)
                + (s.has("blocks") ? 1 : 0);
        if (contents != 1) {
            throw new Invalid(at + "serviceCode " + code + " needs exactly one of purseBalance, overlapOf, blockCount"
                    + " or blocks.");
        }
        if (s.has("overlapOf")) {
            return ServiceImage.overlap(code, ServiceCode.parse(text(s, "overlapOf", at)), keyVersion);
        }
        List<byte[]> blocks = new ArrayList<>();
        if (s.has("purseBalance")) {
            blocks.add(PurseBlock.of(integer(s.get("purseBalance"), at + "purseBalance")).toBytes());
        } else if (s.has("blockCount")) {
            long n = integer(s.get("blockCount"), at + "blockCount");
            if (n < 1 || n > 0xFFFF) {
                throw new Invalid(at + "blockCount must be 1-65535, got " + n + ".");
            }
            for (int i = 0; i < n; i++) {
                blocks.add(new byte[16]);
            }
        } else {
            JsonNode list = s.get("blocks");
            for (int i = 0; i < list.size(); i++) {
                String hex = list.get(i).asText();
                if (!hex.matches("[0-9A-Fa-f]{32}")) {
                    throw new Invalid(at + "blocks[" + i + "] must be 32 hex digits (16 bytes), got \"" + hex + "\".");
                }
                blocks.add(HexFormat.of().parseHex(hex));
            }
        }
        return ServiceImage.of(code, blocks, keyVersion);
    }

    private static void only(JsonNode node, String at, String... keys) {
        if (!node.isObject()) {
            throw new Invalid((at.isEmpty() ? "the card" : at.substring(0, at.length() - 1)) + " must be an object.");
        }
        List<String> allowed = List.of(keys);
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw new Invalid("unknown key \"" + at + k + "\" (expected one of " + allowed + ").");
            }
        });
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new Invalid("\"" + at + key + "\" must be a string.");
        }
        return v.asText();
    }

    private static int hex4(JsonNode node, String key, String at) {
        String v = text(node, key, at);
        if (v.length() != 4 || !v.chars().allMatch(HexFormat::isHexDigit)) {
            throw new Invalid("\"" + at + key + "\" must be 4 hex digits, got \"" + v + "\".");
        }
        return HexFormat.fromHexDigits(v);
    }

    private static long integer(JsonNode v, String what) {
        if (v == null || !v.canConvertToExactIntegral()) {
            throw new Invalid("\"" + what + "\" must be an integer.");
        }
        return v.asLong();
    }

    /** A card image that breaks this format. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
