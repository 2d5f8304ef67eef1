package io.github.walletdevice.examples;

import io.github.walletdevice.core.transport.ProxyOptions;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A corporate proxy with credentials, hosts that bypass it, and TLS with your own trust store (a private CA) and,
 * for mutual TLS, your client certificate. Both transports take the same {@link TransportOptions}.
 *
 * <p>Here the simulated Thredd listens on loopback, which the proxy is told to bypass; with no trust store given,
 * the JVM's default trust is used.
 */
public final class ProxyAndTlsExample {
    private ProxyAndTlsExample() {
    }

    /**
     * TLS settings from PKCS#12 files: a trust store (your CA) and, optionally, a key store (your client
     * certificate, for mTLS). With no trust store, the JVM's default CAs are trusted.
     *
     * @param trustStore a PKCS#12 trust store, or {@code null} for the JVM's default
     * @param trustPassword its password
     * @param keyStore a PKCS#12 key store with your client certificate, or {@code null} for none
     * @param keyPassword its password
     * @return options carrying the TLS context and its trust manager
     * @throws GeneralSecurityException if a store cannot be read as PKCS#12
     * @throws IOException if a file cannot be read
     */
    public static TransportOptions.Builder tls(Path trustStore, char[] trustPassword, Path keyStore,
                                               char[] keyPassword) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore == null ? null : load(trustStore, trustPassword));
        X509TrustManager trustManager = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                trustManager = x509;
            }
        }
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore, keyPassword), keyPassword);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[] {trustManager}, null);
        return TransportOptions.builder().tls(context, trustManager);
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /**
     * Lists a token's devices with proxy and TLS settings in place.
     *
     * @param out where to print
     * @return the list
     * @throws GeneralSecurityException if the TLS context cannot be built
     * @throws IOException if a store cannot be read
     */
    public static TokenDeviceList run(PrintWriter out) throws GeneralSecurityException, IOException {
        TransportOptions options = tls(null, null, null, null)
                .proxy(ProxyOptions.of("proxy.example.internal", 3128)
                        .withCredentials("proxy-user", "proxy-secret")
                        .withNonProxyHosts(List.of("localhost", "127.0.0.1")))
                .build();
        try (SimulatedThredd thredd = SimulatedThredd.builder().build().start();
             ThreddClient client = ThreddClient.builder()
                     .endpoint(thredd.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE)
                     .transportOptions(options)
                     .build()) {
            out.println("Transport options: " + options);
            TokenDeviceList list = client.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES));
            out.println("List (proxy bypassed for " + thredd.url().getHost() + "): action code " + list.actionCodeRaw()
                    + ", " + list.devices().size() + " devices");
            out.flush();
            return list;
        }
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws Exception if the TLS context cannot be built
     */
    public static void main(String[] args) throws Exception {
        run(new PrintWriter(System.out, true));
    }
}
