package io.github.walletdevice.gateway.server;

/** The contract on the JDK's HTTP server. */
class JdkHttpServerContractTest extends GatewayContractTest {
    private GatewayHttpServer http;

    @Override
    String serve(GatewayServer gateway) {
        http = GatewayHttpServer.start(gateway, 0);
        return http.baseUrl();
    }

    @Override
    void stop() {
        http.close();
    }
}
