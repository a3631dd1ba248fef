package org.jpbx.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made with the machine's openssl: a self-signed certificate for 127.0.0.1 and
 * ::1 (EC P-256, PEM, key in PKCS#8, optionally encrypted), and the JDK TLS contexts of a test
 * client that trusts it and may present its own.
 */
public final class TestCerts {
    private TestCerts() {}

    /** A certificate and its key in {@code dir} as {@code name.crt} / {@code name.key} (and {@code name.p12}). */
    public record Cert(Path cert, Path key, Path p12, String password) {}

    public static Cert make(Path dir, String name, String commonName, String password) throws IOException, InterruptedException {
        Path cert = dir.resolve(name + ".crt");
        Path plainKey = dir.resolve(name + ".plain.key");
        Path key = dir.resolve(name + ".key");
        Path p12 = dir.resolve(name + ".p12");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", plainKey.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "subjectAltName=IP:127.0.0.1,IP:::1");
        if (password == null) {
            Files.copy(plainKey, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            run(dir, "openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plainKey.toString(), "-out", key.toString(),
                    "-passout", "pass:" + password);
        }
        run(dir, "openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", plainKey.toString(), "-out", p12.toString(),
                "-passout", "pass:changeit", "-name", name);
        return new Cert(cert, key, p12, password);
    }

    /** A client context that trusts {@code server}'s certificate and presents {@code own} when given. */
    public static SSLContext client(Cert server, Cert own) throws Exception {
        return client(List.of(server), own);
    }

    /** A client context that trusts every certificate of {@code servers}. */
    public static SSLContext client(List<Cert> servers, Cert own) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Cert server : servers) for (X509Certificate c : read(server.cert())) trust.setCertificateEntry("ca" + i++, c);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (own != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(own.p12())) {
                ks.load(in, "changeit".toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    static List<X509Certificate> read(Path p) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) out.add((X509Certificate) c);
        }
        return out;
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd[0] + " " + cmd[1] + " did not finish");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + new String(out));
    }
}
