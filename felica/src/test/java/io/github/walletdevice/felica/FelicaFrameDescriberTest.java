package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FelicaFrameDescriberTest {

    private static final String IDM = "0123456789ABCDEF";

    /** The keys felica/README.md documents for {@code describe} (and so for {@code walletdevice felica decode}). */
    private static final Set<String> DOCUMENTED_KEYS = Set.of("direction", "name", "code", "length", "idm", "systemCode",
            "requestCode", "timeSlot", "pmm", "requestData", "nodeCodes", "keyVersions", "mode", "serviceCodes",
            "blocks", "blockData", "statusFlag1", "statusFlag2", "index", "serviceCode", "areaCode", "endServiceCode",
            "end", "systemCodes");

    private static Map<String, Object> describe(String hex) {
        return FelicaFrameDescriber.describe(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void pollingCommand() {
        Map<String, Object> m = describe("06 00 FFFF 01 0F");
        assertThat(m).containsExactly(Map.entry("direction", "command"), Map.entry("name", "Polling"),
                Map.entry("code", "00"), Map.entry("length", 6), Map.entry("systemCode", "FFFF"),
                Map.entry("requestCode", 1), Map.entry("timeSlot", 15));
    }

    @Test
    void pollingResponse() {
        Map<String, Object> m = describe("14 01" + IDM + "100B4B428485D0FF 0003");
        assertThat(m).containsExactly(Map.entry("direction", "response"), Map.entry("name", "Polling"),
                Map.entry("code", "01"), Map.entry("length", 20), Map.entry("idm", IDM),
                Map.entry("pmm", "100B4B428485D0FF"), Map.entry("requestData", "0003"));
    }

    @Test
    void readCommandPrintsCodesAsTheirValue() {
        Map<String, Object> m = describe("13 06" + IDM + "01 0B00 02 8000 01 0001");
        assertThat(m).containsExactly(Map.entry("direction", "command"), Map.entry("name", "ReadWithoutEncryption"),
                Map.entry("code", "06"), Map.entry("length", 19), Map.entry("idm", IDM),
                Map.entry("serviceCodes", List.of("000B")),
                Map.entry("blocks", List.of(Map.of("serviceIndex", 0, "accessMode", 0, "blockNumber", 0),
                        Map.of("serviceIndex", 1, "accessMode", 0, "blockNumber", 256))));
        @SuppressWarnings("unchecked")
        Map<String, Object> block = ((List<Map<String, Object>>) m.get("blocks")).get(0);
        assertThat(block.keySet()).containsExactly("serviceIndex", "accessMode", "blockNumber");
    }

    @Test
    void readResponses() {
        String data = "000102030405060708090A0B0C0D0E0F";
        assertThat(describe("1D 07" + IDM + "00 00 01" + data)).containsExactly(Map.entry("direction", "response"),
                Map.entry("name", "ReadWithoutEncryption"), Map.entry("code", "07"), Map.entry("length", 29),
                Map.entry("idm", IDM), Map.entry("statusFlag1", "00"), Map.entry("statusFlag2", "00"),
                Map.entry("blockData", List.of(data)));
        assertThat(describe("0C 07" + IDM + "01 A6")).containsExactly(Map.entry("direction", "response"),
                Map.entry("name", "ReadWithoutEncryption"), Map.entry("code", "07"), Map.entry("length", 12),
                Map.entry("idm", IDM), Map.entry("statusFlag1", "01"), Map.entry("statusFlag2", "A6"));
    }

    @Test
    void writeCommandAndResponse() {
        WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(Idm.parse(IDM), ServiceCode.of(0x1011), 0,
                PurseBlock.of(1500).toBytes());
        Map<String, Object> m = FelicaFrameDescriber.describe(w.encode());
        assertThat(m.keySet()).containsExactly("direction", "name", "code", "length", "idm", "serviceCodes", "blocks",
                "blockData");
        assertThat(m.get("name")).isEqualTo("WriteWithoutEncryption");
        assertThat(m.get("code")).isEqualTo("08");
        assertThat(m.get("serviceCodes")).isEqualTo(List.of("1011"));
        assertThat(m.get("blockData")).isEqualTo(List.of("DC050000000000000000000000000000"));
        assertThat(describe("0C 09" + IDM + "FF 71").get("statusFlag2")).isEqualTo("71");
    }

    @Test
    void searchServiceCodeAndSystemCodes() {
        assertThat(describe("0C 0A" + IDM + "0201").get("index")).isEqualTo(0x0102);
        assertThat(describe("0E 0B" + IDM + "0010 FF13")).containsEntry("areaCode", "1000")
                .containsEntry("endServiceCode", "13FF").containsEntry("end", false).doesNotContainKey("serviceCode");
        assertThat(describe("0C 0B" + IDM + "0F09")).containsEntry("serviceCode", "090F").containsEntry("end", false)
                .doesNotContainKey("areaCode");
        assertThat(describe("0C 0B" + IDM + "FFFF")).containsEntry("end", true).doesNotContainKey("serviceCode");
        assertThat(describe("0F 0D" + IDM + "02 0003 FE00").get("systemCodes")).isEqualTo(List.of("0003", "FE00"));
    }

    @Test
    void requestServiceAndRequestResponse() {
        assertThat(describe("0F 02" + IDM + "02 FFFF 0F09")).containsEntry("name", "RequestService")
                .containsEntry("nodeCodes", List.of("FFFF", "090F"));
        assertThat(describe("0F 03" + IDM + "02 0000 FFFF")).containsEntry("keyVersions", List.of("0000", "FFFF"));
        assertThat(describe("0B 05" + IDM + "00")).containsEntry("name", "RequestResponse").containsEntry("mode", 0);
        assertThat(describe("0A 04" + IDM)).containsEntry("direction", "command").containsEntry("code", "04");
    }

    @Test
    void everyNameAndKeyIsAsDocumented() {
        Set<String> extraKeys = Set.of("blockInformation", "areaCodes", "challenge1A", "challenge1B", "challenge2A",
                "challenge2B", "ciphertext", "target", "properties", "encryptionIdentifier", "desKeyVersions", "flag",
                "data", "formatVersion", "basicVersion", "optionVersions", "containerIdm");
        Set<String> names = Set.of("Polling", "RequestService", "RequestResponse", "ReadWithoutEncryption",
                "WriteWithoutEncryption", "SearchServiceCode", "RequestSystemCode", "RequestBlockInformation",
                "Authentication1", "Authentication2", "GetNodeProperty", "RequestServiceV2", "GetSystemStatus",
                "RequestSpecificationVersion", "ResetMode", "GetContainerId", "Unknown");
        for (FelicaFrame f : SampleFrames.all()) {
            Map<String, Object> m = FelicaFrameDescriber.describe(f.encode());
            assertThat(m).isEqualTo(FelicaFrameDescriber.describe(f));
            assertThat(m.get("name")).isIn(names);
            assertThat(m.get("direction")).isEqualTo(f instanceof FelicaCommand<?> ? "command" : "response");
            assertThat((String) m.get("code")).matches("[0-9A-F]{2}");
            assertThat(m.get("length")).isEqualTo(f.length());
            for (String k : m.keySet()) {
                assertThat(k).as("key of %s", f).isIn(union(DOCUMENTED_KEYS, extraKeys));
            }
            assertJsonFriendly(m);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!e.getKey().equals("direction") && !e.getKey().equals("name")) {
                    assertUppercaseHexLeaves(e.getValue());
                }
            }
            assertThatThrownBy(() -> m.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(FelicaFrameDescriber.explain(f)).startsWith(f.name()).doesNotContain("\n");
        }
    }

    @Test
    void explainIsOneReadableLine() {
        assertThat(FelicaFrameDescriber.explain(HexFormat.of().parseHex("0C07" + IDM + "01A6"))).isEqualTo(
                "ReadWithoutEncryption response from " + IDM + ": status 01 A6 (service or node does not exist) "
                        + "at list element 1");
        assertThat(FelicaFrameDescriber.explain(HexFormat.of().parseHex("1006" + IDM + "010F09018001"))).isEqualTo(
                "ReadWithoutEncryption command to " + IDM + ": serviceCodes [090F], blocks [0:1]");
        assertThat(FelicaFrameDescriber.explain(HexFormat.of().parseHex("0600FFFF0100"))).isEqualTo(
                "Polling command: systemCode FFFF, requestCode 1, timeSlot 0");
        assertThat(FelicaFrameDescriber.explain(HexFormat.of().parseHex("0C09" + IDM + "0000")))
                .endsWith("status 00 00 (success)");
        assertThat(FelicaFrameDescriber.explain(HexFormat.of().parseHex("0314AB")))
                .isEqualTo("Unknown command (code 14): data AB");
    }

    @Test
    void invalidFramesThrowTheFormatException() {
        assertThatThrownBy(() -> describe("07 00 FFFF 01 00")).isInstanceOf(FelicaFormatException.class);
        assertThatThrownBy(() -> FelicaFrameDescriber.explain(new byte[] {1})).isInstanceOf(
                FelicaFormatException.class);
    }

    private static void assertUppercaseHexLeaves(Object v) {
        if (v instanceof Map) {
            ((Map<?, ?>) v).values().forEach(FelicaFrameDescriberTest::assertUppercaseHexLeaves);
        } else if (v instanceof List) {
            ((List<?>) v).forEach(FelicaFrameDescriberTest::assertUppercaseHexLeaves);
        } else if (v instanceof String) {
            assertThat((String) v).matches("[0-9A-F.]*");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static void assertJsonFriendly(Object v) {
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                assertThat(e.getKey()).isInstanceOf(String.class);
                assertJsonFriendly(e.getValue());
            }
        } else if (v instanceof List) {
            for (Object o : (List<?>) v) {
                assertJsonFriendly(o);
            }
        } else {
            assertThat(v).isInstanceOfAny(String.class, Integer.class, Long.class, Boolean.class);
            if (v instanceof String) {
                assertThat((String) v).doesNotContain(" ");
            }
        }
    }
}
