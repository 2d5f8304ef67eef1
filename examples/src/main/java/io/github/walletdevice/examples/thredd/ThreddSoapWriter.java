package io.github.walletdevice.examples.thredd;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the simulated Thredd's answers and faults, framed in the SOAP version of the request. */
final class ThreddSoapWriter {
    /** The layout of Thredd's dates (GMT), 19 characters as the specification's length says. */
    private ThreddSoapWriter() {
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w, String soapNs) throws XMLStreamException;
    }

    /** A result, each device in its own {@code DeviceList} or, with {@code wrapped}, all in one wrapper. */
    static byte[] answer(boolean soap12, TokenDeviceService.Answer a, boolean wrapped, DateLayout dates) {
        return envelope(soap12, (w, ns) -> {
            w.writeStartElement("", "Ws_Token_Device_ManagementResponse", IncomingRequestReader.HYPERION);
            w.writeDefaultNamespace(IncomingRequestReader.HYPERION);
            w.writeStartElement(IncomingRequestReader.HYPERION, "Ws_Token_Device_ManagementResult");
            text(w, "WSID", a.wsid());
            text(w, "IssCode", a.issCode());
            text(w, "ActionCode", a.actionCode());
            if (wrapped && !a.devices().isEmpty()) {
                w.writeStartElement(IncomingRequestReader.HYPERION, "DeviceList");
            }
            for (SimulatedDevice d : a.devices()) {
                w.writeStartElement(IncomingRequestReader.HYPERION, wrapped ? "DeviceListItem" : "DeviceList");
                text(w, "BoundDeviceIndex", d.index());
                text(w, "TokenUserId", d.tokenUserId());
                text(w, "TokenUserType", d.tokenUserType());
                text(w, "GPSDeviceStatus", d.gpsStatus());
                text(w, "NetDeviceStatus", d.netStatus());
                text(w, "DeviceBindDate", dates.format(d.bindDate()));
                text(w, "DeviceStatusDate", dates.format(d.statusDate()));
                text(w, "DeviceType", d.type());
                text(w, "DeviceLang", d.lang());
                text(w, "DeviceID", d.deviceId());
                text(w, "DeviceTelNum", d.telNum());
                text(w, "DeviceName", d.name());
                // Spelled as Thredd codes it.
                text(w, "DeviceLongitiude", d.longitude() == null ? null : d.longitude().toPlainString());
                text(w, "DeviceLatitude", d.latitude() == null ? null : d.latitude().toPlainString());
                text(w, "DeviceIP", d.ip());
                w.writeEndElement();
            }
            if (wrapped && !a.devices().isEmpty()) {
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** A fault: {@code sender} blames the request ({@code Client}/{@code Sender}), else the server. */
    static byte[] fault(boolean soap12, boolean sender, String reason) {
        return envelope(soap12, (w, ns) -> {
            w.writeStartElement("soap", "Fault", ns);
            if (soap12) {
                w.writeStartElement("soap", "Code", ns);
                w.writeStartElement("soap", "Value", ns);
                w.writeCharacters(sender ? "soap:Sender" : "soap:Receiver");
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("soap", "Reason", ns);
                w.writeStartElement("soap", "Text", ns);
                w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
                w.writeCharacters(reason);
                w.writeEndElement();
                w.writeEndElement();
            } else {
                w.writeStartElement("faultcode");
                w.writeCharacters(sender ? "soap:Client" : "soap:Server");
                w.writeEndElement();
                w.writeStartElement("faultstring");
                w.writeCharacters(reason);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static byte[] envelope(boolean soap12, Body body) {
        String ns = soap12 ? IncomingRequestReader.SOAP12 : IncomingRequestReader.SOAP11;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement("soap", "Envelope", ns);
            w.writeNamespace("soap", ns);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeNamespace("xsd", "http://www.w3.org/2001/XMLSchema");
            w.writeStartElement("soap", "Body", ns);
            body.write(w, ns);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the simulated answer", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(IncomingRequestReader.HYPERION, name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
