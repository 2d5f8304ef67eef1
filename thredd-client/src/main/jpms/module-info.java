/**
 * The Thredd {@code Ws_Token_Device_Management} SOAP client: list and unbind the devices of a tokenised card.
 *
 * <p>Requests are written and answers read with the JDK's StAX ({@code java.xml}); no XML binding library. The HTTP
 * transport is found at run time as for the other clients.
 */
module io.github.walletdevice.thredd {
    requires transitive io.github.walletdevice.core;
    requires java.xml;
    requires org.slf4j;

    exports io.github.walletdevice.thredd;
}
