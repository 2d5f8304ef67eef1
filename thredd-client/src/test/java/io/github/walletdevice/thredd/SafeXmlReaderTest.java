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
}
