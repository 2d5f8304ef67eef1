/**
 * The TES side of the Device Gateway API: strict request reading, handlers per operation, sessions, FeliCa command
 * scripts, and adapters for the JDK's HTTP server and Jakarta Servlet containers.
 *
 * <p>The servlet API is optional ({@code requires static}): only {@code GatewayServlet} needs it, and a container
 * provides it. {@code io.github.walletdevice.gateway.server.internal} (strict JSON field access, refusals) is not
 * exported.
 */
module io.github.walletdevice.gateway.server {
    requires transitive io.github.walletdevice.gateway;
    requires transitive jdk.httpserver;
    requires static jakarta.servlet;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.github.walletdevice.gateway.server;
}
