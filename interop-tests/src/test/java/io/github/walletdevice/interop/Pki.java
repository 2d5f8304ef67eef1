package io.github.walletdevice.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Two self-signed certificates made by the JDK's {@code keytool} for a test run: the server's (for {@code localhost}
 * and {@code 127.0.0.1}) and a client's (the TSH presenting itself to a TES that requires mutual TLS). Each side
 * trusts exactly the other's certificate.
 */
final class Pki {
    static final char[] PASSWORD = "interop-keystore".toCharArray();
    private static Pki instance;

    final KeyStore serverKeys;
    final KeyStore clientKeys;
    final KeyStore trustsServer;
    final KeyStore trustsClient;

    private Pki() {
        serverKeys = generate("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        clientKeys = generate("client", "CN=walletdevice-tsh", null);
        trustsServer = trusting(serverKeys, "server");
        trustsClient = trusting(clientKeys, "client");
    }

    /** The certificates of this JVM, made on first use (keytool takes about a second). */
    static synchronized Pki get() {
        if (instance == null) {
            instance = new Pki();
        }
        return instance;
    }

    /** The client's trust manager: the server certificate only. */
    X509TrustManager clientTrust() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustsServer);
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("No X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client TLS context that trusts the server, and presents the client certificate when asked to.
     *
     * @param withClientCertificate whether the client has a certificate to present
     */
    SSLContext clientContext(boolean withClientCertificate) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeys, PASSWORD);
            }
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[] {clientTrust()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore generate(String alias, String dname, String san) {
        try {
            Path dir = Files.createTempDirectory("walletdevice-interop-pki");
            Path store = dir.resolve(alias + ".p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", dname,
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)));
            if (san != null) {
                cmd.addAll(List.of("-ext", san));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore trusting(KeyStore keys, String alias) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(alias, keys.getCertificate(alias));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
