package io.github.walletdevice.gateway.server;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The contract on the servlet adapter, in a real embedded servlet container (Jetty 12, ee10). */
class ServletContractTest extends GatewayContractTest {
    private Server jetty;

    @Override
    String serve(GatewayServer gateway) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new GatewayServlet(gateway)), gateway.basePath() + "/*");
        jetty.setHandler(context);
        jetty.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    void stop() throws Exception {
        jetty.stop();
    }
}
