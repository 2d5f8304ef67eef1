package io.github.walletdevice.thredd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bodies are decoded before parsing, and which are left to the parser's own encoding detection. */
class Utf8BodyTest {
    private static final String NON_ASCII = "<a>Zoë € 😀</a>";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String decoded(byte[] body) {
        CharBuffer chars = Utf8Body.decode(body);
        return chars == null ? null : chars.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
        "<?xml version=\"1.0\" encoding = \"Utf-8\" ?>\n"})
    void utf8WithoutOrWithAUtf8DeclarationIsDecoded(String declaration) {
        String text = declaration + NON_ASCII;
        assertThat(decoded(utf8(text))).isEqualTo(text);
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        assertThat(decoded(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(NON_ASCII))))
                .isEqualTo(NON_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>",
        "<?xml version=\"1.0\" encoding=UTF-8?><a/>",
        " <a/>",
        "a",
        "<"})
    void otherDeclarationsAndUnusualStartsAreLeftToTheParser(String text) {
        assertThat(decoded(utf8(text))).isNull();
    }

    @Test
    void aDeclarationThatDoesNotEndSoonIsLeftToTheParser() {
        assertThat(decoded(utf8("<?xml version=\"1.0\"" + " ".repeat(300) + "?><a/>"))).isNull();
    }

    @Test
    void utf16IsLeftToTheParser() {
        assertThat(decoded("<a>é</a>".getBytes(StandardCharsets.UTF_16))).isNull(); // with its BOM
        assertThat(decoded("<a>é</a>".getBytes(StandardCharsets.UTF_16LE))).isNull();
        assertThat(decoded("<a>é</a>".getBytes(StandardCharsets.UTF_16BE))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C328", "C0AF", "EDA080", "FF", "E282"})
    void invalidUtf8IsLeftToTheParser(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        assertThat(decoded(concat(utf8("<a>"), bad, utf8("</a>")))).isNull();
    }
}
