package io.github.walletdevice.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's {@code keytool} in a
 * temporary PKCS12 key store: the server side for WireMock ({@link #keyStore()}, {@link #password()}) and the
 * client side that trusts exactly this certificate ({@link #sslContext()}, {@link #trustManager()}).
 */
public final class SelfSignedCertificate {
    private final Path keyStore;
    private final String password;
    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private SelfSignedCertificate(Path keyStore, String password, SSLContext sslContext,
                                  X509TrustManager trustManager) {
        this.keyStore = keyStore;
        this.password = password;
        this.sslContext = sslContext;
        this.trustManager = trustManager;
    }

    /**
     * Generates a new key pair and certificate (EC P-256, valid two days).
     *
     * @return the certificate and its key store
     * @throws IllegalStateException if keytool fails
     */
    public static SelfSignedCertificate create() {
        try {
            Path dir = Files.createTempDirectory("walletdevice-tls");
            Path store = dir.resolve("localhost.p12");
            String password = "changeit";
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();

            KeyStore generated = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                generated.load(in, password.toCharArray());
            }
            Certificate cert = generated.getCertificate("localhost");
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("localhost", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return new SelfSignedCertificate(store, password, ctx, tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a self-signed certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a self-signed certificate", e);
        }
    }

    /**
     * The PKCS12 key store holding the private key and certificate (alias {@code localhost}).
     *
     * @return the key store file
     */
    public Path keyStore() {
        return keyStore;
    }

    /**
     * The password of the key store and of the key.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * A client TLS context that trusts this certificate only.
     *
     * @return the SSL context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * The trust manager {@link #sslContext()} was initialised with.
     *
     * @return the trust manager
     */
    public X509TrustManager trustManager() {
        return trustManager;
    }
}
