package org.jpbx.sip.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Builds Netty SSL contexts from a transport's TLS settings: BoringSSL (netty-tcnative) where it
 * loads, the JDK's engine otherwise. A context is built once per (re)load and shared by every
 * connection made while it is current.
 */
public final class TlsContexts {
    private TlsContexts() {}

    /** The engine in use: "OpenSSL" (BoringSSL via netty-tcnative) or "JDK". */
    public static String engine() {
        return provider() == SslProvider.OPENSSL ? "OpenSSL" : "JDK";
    }

    private static SslProvider provider() {
        try {
            return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        } catch (Throwable notLoadable) {
            return SslProvider.JDK;
        }
    }

    /**
     * The server side: cert_file/priv_key_file/password as the identity; require_client_cert asks
     * for a client certificate and refuses the handshake without one; verify_client checks a
     * presented one against ca_list_file/ca_list_path (the JDK's trust store when neither is set).
     */
    public static SslContext server(TlsSettings s) throws SSLException, IOException {
        if (s.certFile() == null || s.privKeyFile() == null) {
            throw new SSLException("cert_file and priv_key_file are needed to accept TLS connections");
        }
        SslContextBuilder b = SslContextBuilder.forServer(s.certFile().toFile(), s.privKeyFile().toFile(), s.password());
        ClientAuth auth = s.requireClientCert() ? ClientAuth.REQUIRE : s.verifyClient() ? ClientAuth.OPTIONAL : ClientAuth.NONE;
        b.clientAuth(auth);
        if (auth != ClientAuth.NONE) {
            if (s.verifyClient()) {
                X509Certificate[] cas = trusted(s);
                if (cas.length > 0) b.trustManager(cas);
            } else {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE); // a certificate demanded, not checked
            }
        }
        return finish(b, s);
    }

    /** The client side (connections jpbx opens): verify_server checks the server's chain. */
    public static SslContext client(TlsSettings s) throws SSLException, IOException {
        SslContextBuilder b = SslContextBuilder.forClient();
        if (s.certFile() != null && s.privKeyFile() != null) {
            b.keyManager(s.certFile().toFile(), s.privKeyFile().toFile(), s.password());
        }
        if (s.verifyServer()) {
            X509Certificate[] cas = trusted(s);
            if (cas.length > 0) b.trustManager(cas);
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        return finish(b, s);
    }

    private static SslContext finish(SslContextBuilder b, TlsSettings s) throws SSLException {
        b.sslProvider(provider()).protocols(s.protocols());
        if (!s.ciphers().isEmpty()) b.ciphers(s.ciphers(), SupportedCipherSuiteFilter.INSTANCE);
        else b.ciphers(null, IdentityCipherSuiteFilter.INSTANCE);
        return b.build();
    }

    /** The certificates of ca_list_file and every certificate file in ca_list_path. */
    static X509Certificate[] trusted(TlsSettings s) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        if (s.caListFile() != null) out.addAll(read(s.caListFile()));
        if (s.caListPath() != null && Files.isDirectory(s.caListPath())) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(s.caListPath())) {
                int n = 0;
                for (Path p : dir) {
                    if (++n > 10_000) break;
                    if (!Files.isRegularFile(p)) continue;
                    try {
                        out.addAll(read(p));
                    } catch (IOException notACertificate) {
                        // c_rehash directories hold links and other files too
                    }
                }
            }
        }
        return out.toArray(new X509Certificate[0]);
    }

    private static List<X509Certificate> read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) out.add(x);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException(p + ": " + e.getMessage(), e);
        }
    }
}
