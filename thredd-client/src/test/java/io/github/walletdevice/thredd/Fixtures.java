package io.github.walletdevice.thredd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Response bodies from {@code src/test/resources/thredd}, and a reader for the requests tests receive. */
final class Fixtures {
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String HYP = "http://www.globalprocessing.ae/HyperionWeb";

    /** The WSID of the spec's sample request and response. */
    static final long SPEC_WSID = 11012021817L;

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/thredd/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture answering a given WSID. */
    static String answer(String name, long wsid) {
        return read(name).replace("${WSID}", Long.toString(wsid));
    }

    /** A bare result with an action code. */
    static String action(String code, long wsid) {
        return answer("action.xml", wsid).replace("${ACTION}", code);
    }

    /** Parses a request the test server received (trusted input), namespace-aware. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + xml, e);
        }
    }
}
