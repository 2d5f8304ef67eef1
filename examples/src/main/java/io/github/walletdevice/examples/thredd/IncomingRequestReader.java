package io.github.walletdevice.examples.thredd;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a request envelope for the simulated Thredd with the JDK's StAX parser, DTDs and external entities off.
 * Namespace-aware like an ASMX service: the envelope must be SOAP 1.1 or 1.2 and the operation and its fields
 * must be in Thredd's namespace; unknown elements are ignored.
 */
final class IncomingRequestReader {
    static final String HYPERION = "http://www.globalprocessing.ae/HyperionWeb";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private IncomingRequestReader() {
    }

    /** Thrown for a body the service cannot read; answered with a SOAP fault. */
    static final class UnreadableRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableRequestException(String message) {
            super(message);
        }
    }

    /**
     * Reads a request; the token id is read from the element of the given name only (the other spelling is an
     * unknown element, ignored as an ASMX service does).
     */
    static IncomingRequest read(byte[] body, String tokenIdElement) throws UnreadableRequestException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        Map<String, String> values = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        String envelopeNs = null;
        boolean sawOperation = false;
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new UnreadableRequestException("DOCTYPE is not allowed");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    if (path.isEmpty()) {
                        if (!r.getLocalName().equals("Envelope") || !(ns.equals(SOAP11) || ns.equals(SOAP12))) {
                            throw new UnreadableRequestException("The root element is not a SOAP Envelope");
                        }
                        envelopeNs = ns;
                    }
                    String name = (ns.equals(HYPERION) ? "hyp:" : ns.equals(envelopeNs) ? "soap:" : "?:")
                            + r.getLocalName();
                    path.addLast(name);
                    if (String.join("/", path).equals("soap:Envelope/soap:Body/hyp:Ws_Token_Device_Management")) {
                        sawOperation = true;
                    }
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    values.putIfAbsent(String.join("/", path), text.toString().strip());
                    path.removeLast();
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw new UnreadableRequestException("There is an error in the XML document: "
                    + lastLine(e.getMessage()));
        }
        if (!sawOperation) {
            throw new UnreadableRequestException("The body does not hold a Ws_Token_Device_Management element in"
                    + " namespace " + HYPERION);
        }
        String auth = "soap:Envelope/soap:Header/hyp:AuthSoapHeader/hyp:";
        String op = "soap:Envelope/soap:Body/hyp:Ws_Token_Device_Management/hyp:";
        return new IncomingRequest(SOAP12.equals(envelopeNs), values.get(auth + "strUserName"),
                values.get(auth + "strPassword"), values.get(op + "WSID"), values.get(op + "IssCode"),
                values.get(op + "Func"), values.get(op + "DPAN"),
                values.get(op + tokenIdElement),
                values.get(op + "DeviceIndex"));
    }

    private static String lastLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].replaceFirst("^Message:\\s*", "");
    }
}
