package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.XmlNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** One factory, configured once, serves every response and thread without losing its safety settings. */
class SafeXmlReaderTest {

    private static byte[] doc(String text) {
        return ("<a xmlns=\"urn:t\"><b>" + text + "</b></a>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSharedFactoryKeepsDtdsAndExternalEntitiesOffAndHandsOutFreshReaders() {
        XMLInputFactory f = SafeXmlReader.factory();
        assertThat(f).isSameAs(SafeXmlReader.factory());
        assertThat(f.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(Boolean.FALSE);
        assertThat(f.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(Boolean.FALSE);
        assertThat(f.getProperty(XMLInputFactory.IS_NAMESPACE_AWARE)).isEqualTo(Boolean.TRUE);
        assertThat(f.getProperty(SafeXmlReader.REUSE_INSTANCE)).isEqualTo(Boolean.FALSE);
    }

    @Test
    void aClosedReaderIsNeverHandedOutAgain() throws Exception {
        // With reuse-instance set to true, the second reader would be the first one, reset: shared between
        // threads, one reader parsing two bodies.
        XMLStreamReader first = SafeXmlReader.factory().createXMLStreamReader(new ByteArrayInputStream(doc("1")));
        first.close();
        XMLStreamReader second = SafeXmlReader.factory().createXMLStreamReader(new ByteArrayInputStream(doc("2")));
        try {
            assertThat(second).isNotSameAs(first);
        } finally {
            second.close();
        }
    }

    @Test
    void aRefusedOrBrokenBodyLeavesTheFactoryReadingTheNextOne() throws Exception {
        assertThatThrownBy(() -> SafeXmlReader.read(("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SafeXmlReader.XmlRejectedException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> SafeXmlReader.read("<a><b></a>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXmlReader.XmlRejectedException.class).hasMessageContaining("not well-formed");
        XmlNode root = SafeXmlReader.read(doc("after"));
        assertThat(root.is("urn:t", "a")).isTrue();
        assertThat(root.childText("b")).contains("after");
    }

    @Test
    void threadsReadingAtOnceEachGetTheirOwnBody() throws Exception {
        int reads = 300;
        List<String> wrong = AllAtOnce.run(8, thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < reads; i++) {
                String text = "thread " + thread + " read " + i + " x" + "y".repeat(i % 50);
                String read = SafeXmlReader.read(doc(text)).childText("b").orElse(null);
                if (!text.equals(read)) {
                    mine.add(text + " read as " + read);
                }
            }
            return mine;
        });
        assertThat(wrong).isEmpty();
    }

    /** Text read from a body: UTF-8 is decoded before parsing, every other encoding by the parser (Utf8Body). */
    private static String textOf(byte[] body) throws Exception {
        return SafeXmlReader.read(body).text();
    }

    @Test
    void everyEncodingReadsToTheSameText() throws Exception {
        String text = "Zoë € 😀";
        assertThat(textOf(("<a>" + text + "</a>").getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(textOf(("\uFEFF<a>" + text + "</a>").getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(textOf(("<a>" + text + "</a>").getBytes(StandardCharsets.UTF_16))).isEqualTo(text);
        assertThat(textOf(("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><a>" + text + "</a>")
                .getBytes(StandardCharsets.UTF_16LE))).isEqualTo(text);
        assertThat(textOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Zoë</a>"
                .getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Zoë");
        // Bytes that are valid UTF-8 too: the declared encoding decides, as the parser would.
        assertThat(textOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Ã©</a>"
                .getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Ã©");
    }

    @Test
    void decodedBodiesAreStillNormalisedAndResolvedByTheParser() throws Exception {
        assertThat(textOf("<a>x\r\ny&#233;&amp;<![CDATA[<z>]]></a>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("x\nyé&<z>");
    }

    @Test
    void invalidUtf8IsRefusedByTheParserSayingSo() {
        byte[] body = {'<', 'a', '>', (byte) 0xC3, '(', '<', '/', 'a', '>'};
        assertThatThrownBy(() -> SafeXmlReader.read(body)).isInstanceOf(SafeXmlReader.XmlRejectedException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aDoctypeIsRefusedWhicheverWayTheBodyIsRead() {
        String doc = "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
        assertThatThrownBy(() -> SafeXmlReader.read(doc.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> SafeXmlReader.read(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + doc)
                .getBytes(StandardCharsets.ISO_8859_1))).hasMessageContaining("DOCTYPE");
    }
}
