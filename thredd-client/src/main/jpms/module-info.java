/**
 * The Thredd {@code Ws_Token_Device_Management} SOAP client: list and unbind the devices of a tokenised card.
 *
 * <p>Request envelopes are written with Jakarta XML Binding, which reflects on this package's (package-private)
 * envelope classes: the package is opened to the JAXB API, which opens it on to the implementation it finds. Answers are read
 * with the JDK's StAX parser. The HTTP transport is found at run time as for the other clients.
 */
module io.github.walletdevice.thredd {
    requires transitive io.github.walletdevice.core;
    requires jakarta.xml.bind;
    requires java.xml;
    requires org.slf4j;

    exports io.github.walletdevice.thredd;
    opens io.github.walletdevice.thredd to jakarta.xml.bind;
}
