/**
 * Client for Thredd's {@code Ws_Token_Device_Management} SOAP web service: list the devices bound to a tokenised
 * card and unbind one (Visa VDEP).
 *
 * <p>Start with {@link io.github.walletdevice.thredd.ThreddClient#builder()}; the operations are on
 * {@link io.github.walletdevice.thredd.ThreddClient#tokenDevices()}. The JAXB annotations below bind the request
 * elements to Thredd's {@code HyperionWeb} namespace, written with the {@code hyp} prefix as in Thredd's sample.
 */
@XmlSchema(namespace = ThreddWire.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "hyp", namespaceURI = ThreddWire.NAMESPACE))
package io.github.walletdevice.thredd;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
