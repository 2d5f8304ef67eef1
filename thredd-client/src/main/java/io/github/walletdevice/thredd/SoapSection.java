package io.github.walletdevice.thredd;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A SOAP {@code Envelope}, {@code Header} or {@code Body}: a list of child elements. Its element name is given at
 * marshalling time (a {@code JAXBElement}), so that one class serves both SOAP namespaces.
 */
@XmlAccessorType(XmlAccessType.FIELD)
final class SoapSection {
    @XmlAnyElement(lax = true)
    final List<Object> content = new ArrayList<>();

    SoapSection() {
    }

    SoapSection(Object... children) {
        content.addAll(List.of(children));
    }
}
