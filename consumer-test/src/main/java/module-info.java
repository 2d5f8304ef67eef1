/** An integrator's module: it requires the SDK's modules and nothing else (no --add-modules needed to run). */
module com.example.consumer {
    requires io.github.walletdevice.gateway;
    requires io.github.walletdevice.thredd;
    requires io.github.walletdevice.felica;
    requires io.github.walletdevice.gateway.server;
}
